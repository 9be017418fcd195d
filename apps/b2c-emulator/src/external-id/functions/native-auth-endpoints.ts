/**
 * The native-authentication routes of External ID tenants (docs/entra-native-auth-protocol.md
 * §1.2), under `{tenant}/`: every endpoint but the token endpoint, whose path B2C shares
 * (functions/shared-tenant-routes.ts). Every method is routed, so that anything but POST gets the
 * envelope's `invalid_request` rather than a bare 405.
 */
import { registerHttpFunction } from '@ropc/functions-edge';
import { externalIdRoute } from '../../functions/tenant-route';
import { nativeAuthEndpoint, type NativeAuthStep } from '../native-auth-endpoint';
import { nativeAuthStorageFailure } from '../native-auth-storage-failure';
import {
  resetPasswordChallenge,
  resetPasswordContinue,
  resetPasswordPollCompletion,
  resetPasswordStart,
  resetPasswordSubmit,
} from '../reset-password-steps';
import { signInChallenge, signInInitiate, signInIntrospect } from '../sign-in-steps';
import { signUpChallenge, signUpContinue, signUpStart } from '../sign-up-steps';

const ALL_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;

const ENDPOINTS: readonly (readonly [name: string, path: string, step: NativeAuthStep])[] = [
  ['native-initiate', 'oauth2/v2.0/initiate', signInInitiate],
  ['native-challenge', 'oauth2/v2.0/challenge', signInChallenge],
  ['native-introspect', 'oauth2/v2.0/introspect', signInIntrospect],
  ['native-signup-start', 'signup/v1.0/start', signUpStart],
  ['native-signup-challenge', 'signup/v1.0/challenge', signUpChallenge],
  ['native-signup-continue', 'signup/v1.0/continue', signUpContinue],
  ['native-reset-start', 'resetpassword/v1.0/start', resetPasswordStart],
  ['native-reset-challenge', 'resetpassword/v1.0/challenge', resetPasswordChallenge],
  ['native-reset-continue', 'resetpassword/v1.0/continue', resetPasswordContinue],
  ['native-reset-submit', 'resetpassword/v1.0/submit', resetPasswordSubmit],
  ['native-reset-poll', 'resetpassword/v1.0/poll_completion', resetPasswordPollCompletion],
];

for (const [name, path, step] of ENDPOINTS) {
  registerHttpFunction(name, {
    route: `{tenant}/${path}`,
    methods: ALL_METHODS,
    handler: externalIdRoute(nativeAuthEndpoint(name, step)),
    storageFailure: nativeAuthStorageFailure,
  });
}

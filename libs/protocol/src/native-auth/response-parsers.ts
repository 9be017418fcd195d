import {
  parseChallengeResponse,
  parseOobChallengeResponse,
  type ChallengeResponse,
  type OobChallengeResponse,
} from './challenge-response';
import { parseContinuationResponse, type ContinuationResponse } from './continuation-response';
import type { NativeAuthEndpoint } from './endpoints';
import { parseIntrospectResponse, type IntrospectResponse } from './introspect-response';
import {
  parseResetPasswordContinueResponse,
  parseResetPasswordPollCompletionResponse,
  parseResetPasswordSubmitResponse,
  type ResetPasswordContinueResponse,
  type ResetPasswordPollCompletionResponse,
  type ResetPasswordSubmitResponse,
} from './reset-password-responses';
import type { SuccessParser } from './response-problem';
import { parseNativeAuthTokenResponse, type NativeAuthTokenResponse } from './token-response';

/** The success body of each endpoint (docs/entra-native-auth-protocol.md §2.2 and §3–5). */
export interface NativeAuthSuccessBodies {
  readonly signInInitiate: ContinuationResponse;
  readonly signInChallenge: ChallengeResponse;
  readonly token: NativeAuthTokenResponse;
  readonly signInIntrospect: IntrospectResponse;
  readonly signUpStart: ContinuationResponse;
  readonly signUpChallenge: ChallengeResponse;
  readonly signUpContinue: ContinuationResponse;
  readonly resetPasswordStart: ContinuationResponse;
  readonly resetPasswordChallenge: OobChallengeResponse;
  readonly resetPasswordContinue: ResetPasswordContinueResponse;
  readonly resetPasswordSubmit: ResetPasswordSubmitResponse;
  readonly resetPasswordPollCompletion: ResetPasswordPollCompletionResponse;
}

/** Each endpoint's success check: a registry, so callers look up rather than switch. */
export const NATIVE_AUTH_RESPONSE_PARSERS: {
  readonly [E in NativeAuthEndpoint]: SuccessParser<NativeAuthSuccessBodies[E]>;
} = {
  signInInitiate: parseContinuationResponse,
  signInChallenge: parseChallengeResponse,
  token: parseNativeAuthTokenResponse,
  signInIntrospect: parseIntrospectResponse,
  signUpStart: parseContinuationResponse,
  signUpChallenge: parseChallengeResponse,
  signUpContinue: parseContinuationResponse,
  resetPasswordStart: parseContinuationResponse,
  resetPasswordChallenge: parseOobChallengeResponse,
  resetPasswordContinue: parseResetPasswordContinueResponse,
  resetPasswordSubmit: parseResetPasswordSubmitResponse,
  resetPasswordPollCompletion: parseResetPasswordPollCompletionResponse,
};

import { computed, signal, type Provider } from '@angular/core';
import {
  AuthService,
  AuthStore,
  ROPC_AUTH_CONFIG,
  type AuthError,
  type AuthStatus,
  type RopcAuthConfig,
} from '@ropc/angular-auth';
import type { B2CIdTokenClaims } from '@ropc/protocol';

/** The app's `config.json`, as the pages see it through `ROPC_AUTH_CONFIG`. */
export const TEST_AUTH_CONFIG: RopcAuthConfig = {
  mode: 'proxy',
  tokenEndpoint: '/api/auth/token',
  clientId: '360770b5-7e4f-4765-b292-87b8b2c5964d',
  scopes: ['openid', 'offline_access', 'https://contoso.onmicrosoft.com/api/notes.read'],
  protectedResources: [
    { url: '/api/', scopes: ['https://contoso.onmicrosoft.com/api/notes.read'] },
  ],
  signInPath: '/sign-in',
};

/** Alice of the default local tenant, as her id token's claims. */
export const ALICE_CLAIMS: B2CIdTokenClaims = {
  iss: 'http://localhost:7072/04fbcc13-aa6a-4630-aacc-9c6a9e838418/v2.0/',
  aud: '360770b5-7e4f-4765-b292-87b8b2c5964d',
  exp: 1_767_261_600,
  nbf: 1_767_258_000,
  iat: 1_767_258_000,
  auth_time: 1_767_258_000,
  ver: '1.0',
  sub: '5f2d7c1e-8a3b-4c6d-9e0f-1a2b3c4d5e6f',
  oid: '5f2d7c1e-8a3b-4c6d-9e0f-1a2b3c4d5e6f',
  tfp: 'B2C_1_ROPC_Auth',
  idp: 'LocalAccount',
  name: 'Alice Smith',
  emails: ['alice@contoso.com'],
};

/** An `AuthStore` whose signals a test sets directly. */
export class FakeAuthStore {
  readonly status = signal<AuthStatus>('signed-out');
  readonly user = signal<B2CIdTokenClaims | null>(null);
  readonly accessTokenExpiresAt = signal<number | null>(null);
  readonly sessionEndsAt = signal<number | null>(null);
  readonly lastError = signal<AuthError | null>(null);
  readonly isSignedIn = computed(() => {
    const status = this.status();
    return status === 'signed-in' || status === 'refreshing';
  });
  readonly ready = Promise.resolve();

  signInAs(claims: B2CIdTokenClaims = ALICE_CLAIMS): void {
    this.user.set(claims);
    this.status.set('signed-in');
  }

  signOut(): void {
    this.user.set(null);
    this.status.set('signed-out');
  }
}

/** An `AuthService` of Jest mocks: by default every call succeeds at once. */
export class FakeAuthService {
  readonly signIn = jest.fn<Promise<void>, [string, string]>(() => Promise.resolve());
  readonly signOut = jest.fn<Promise<void>, []>(() => Promise.resolve());
  readonly refresh = jest.fn<Promise<void>, []>(() => Promise.resolve());
  readonly accessToken = jest.fn<Promise<string | null>, []>(() => Promise.resolve(null));
}

/** The fakes and the providers that put them in place of the auth library's services. */
export interface FakeAuth {
  readonly store: FakeAuthStore;
  readonly auth: FakeAuthService;
  readonly providers: Provider[];
}

export function provideFakeAuth(config: Partial<RopcAuthConfig> = {}): FakeAuth {
  const store = new FakeAuthStore();
  const auth = new FakeAuthService();
  return {
    store,
    auth,
    providers: [
      { provide: AuthStore, useValue: store },
      { provide: AuthService, useValue: auth },
      { provide: ROPC_AUTH_CONFIG, useValue: { ...TEST_AUTH_CONFIG, ...config } },
    ],
  };
}

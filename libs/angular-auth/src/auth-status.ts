/**
 * Where the session is: `starting` until the start-up silent refresh settles, then `signed-out`
 * or `signed-in`; `signing-in` while a password grant is in flight; `refreshing` while a signed-in
 * session renews its access token (still signed in).
 */
export type AuthStatus = 'starting' | 'signed-out' | 'signing-in' | 'signed-in' | 'refreshing';

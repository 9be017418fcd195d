/**
 * Sessions ended by sign-out. The cookie itself cannot be recalled from the browser, so the proxy
 * remembers its session id until the refresh token inside would have expired anyway.
 */
export interface EndedSessionStore {
  /** Records `sid` as ended until `untilSeconds` (epoch s). */
  end(sid: string, untilSeconds: number): Promise<void>;
  isEnded(sid: string, nowSeconds: number): Promise<boolean>;
  /**
   * Forgets the sessions ended until `nowSeconds` or earlier (their cookies have expired, so no
   * longer need refusing); returns how many. Run by the cleanup timer.
   */
  deleteExpired(nowSeconds: number): Promise<number>;
}

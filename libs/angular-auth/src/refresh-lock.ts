/** The Web Locks name every tab of this origin refreshes under. */
export const REFRESH_LOCK_NAME = 'ropc-auth-refresh';

/**
 * Runs `task` while holding the cross-tab refresh lock, so two tabs never refresh at once (with
 * the proxy, two refreshes racing on one rotating cookie could end the session). Where Web Locks
 * are missing (older browsers, server rendering, jsdom) the task simply runs.
 */
export async function withRefreshLock<T>(task: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks) return task();
  return await locks.request(REFRESH_LOCK_NAME, task);
}

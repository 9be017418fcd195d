/**
 * Where the console keeps the admin key: `sessionStorage`, so that it is entered once per tab and
 * gone when the tab (the browser session) ends. Never a cookie (it would ride along on every
 * request, including cross-site ones), never `localStorage` (it would outlive the session), never
 * a URL (history, logs, Referer) and never the DOM after entry: it leaves only as the
 * `Authorization` header of the console's own fetches.
 */
const STORAGE_KEY = 'b2c-emulator-console-admin-key';

export class AdminKeyStore {
  constructor(private readonly storage: Storage = window.sessionStorage) {}

  get(): string | undefined {
    return this.storage.getItem(STORAGE_KEY) ?? undefined;
  }

  remember(key: string): void {
    this.storage.setItem(STORAGE_KEY, key);
  }

  forget(): void {
    this.storage.removeItem(STORAGE_KEY);
  }
}

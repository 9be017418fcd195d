import { TestBed } from '@angular/core/testing';
import { setUpAuth, settle } from '../test/auth-test-bed';
import { Deferred, FakeFetch, jsonResponse } from '../test/fake-fetch';
import { FakeBroadcastChannel, FakeLockManager, installTabFakes } from '../test/fake-tabs';
import { DIRECT_CONFIG, tokenBody } from '../test/token-fixtures';
import { AUTH_CHANNEL_NAME } from './auth-tab-sync';
import { REFRESH_LOCK_NAME } from './refresh-lock';

describe('several tabs', () => {
  let uninstall: () => void;
  let locks: FakeLockManager;
  let otherTab: FakeBroadcastChannel;
  const received: unknown[] = [];

  beforeEach(() => {
    locks = new FakeLockManager();
    uninstall = installTabFakes(locks);
    received.length = 0;
    otherTab = new FakeBroadcastChannel('ropc-auth');
    otherTab.onmessage = (event) => received.push(event.data);
  });

  afterEach(() => {
    TestBed.resetTestingModule();
    uninstall();
  });

  async function signedInTab() {
    const fetch = new FakeFetch().when('/api/auth/token', jsonResponse(200, tokenBody('at-1')));
    const test = await setUpAuth({ fetch });
    await test.auth.signIn('alice@contoso.com', 'Alice-Passw0rd!');
    await settle();
    return test;
  }

  it('tells other tabs about a sign-in without sending any token', async () => {
    await signedInTab();
    expect(AUTH_CHANNEL_NAME).toBe('ropc-auth');
    expect(received).toEqual([{ type: 'signed-in' }]);
  });

  it('tells other tabs about a sign-out', async () => {
    const { auth, fetch } = await signedInTab();
    fetch.when('/api/auth/sign-out', jsonResponse(204, ''));
    await auth.signOut();
    await settle();
    expect(received).toEqual([{ type: 'signed-in' }, { type: 'signed-out' }]);
  });

  it("answers another tab's sign-in with its own silent refresh, and stays quiet", async () => {
    const { store, auth, fetch } = await setUpAuth();
    fetch.when('/api/auth/refresh', jsonResponse(200, tokenBody('at-from-cookie')));
    otherTab.postMessage({ type: 'signed-in' });
    await settle();
    expect(fetch.callsTo('/api/auth/refresh')).toHaveLength(2); // start-up + this one
    expect(store.status()).toBe('signed-in');
    await expect(auth.accessToken()).resolves.toBe('at-from-cookie');
    expect(received).toEqual([]);
  });

  it("answers another tab's sign-out by forgetting the session without calling the proxy", async () => {
    const { store, auth, fetch } = await signedInTab();
    otherTab.postMessage({ type: 'signed-out' });
    await settle();
    expect(store.status()).toBe('signed-out');
    await expect(auth.accessToken()).resolves.toBeNull();
    expect(fetch.callsTo('/api/auth/sign-out')).toEqual([]);
    expect(received).toEqual([{ type: 'signed-in' }]);
  });

  it('sends this tab to sign-in, keeping its place, when another tab signs out', async () => {
    const { router } = await signedInTab();
    await router.navigateByUrl('/notes?page=2');
    otherTab.postMessage({ type: 'signed-out' });
    await settle();
    await settle();
    expect(router.url).toBe('/sign-in?returnUrl=%2Fnotes%3Fpage%3D2');
  });

  it('ignores messages it does not know', async () => {
    const { store, fetch } = await signedInTab();
    otherTab.postMessage({ type: 'tokens', accessToken: 'stolen' });
    otherTab.postMessage('signed-out');
    await settle();
    expect(store.status()).toBe('signed-in');
    expect(fetch.callsTo('/api/auth/refresh')).toHaveLength(1);
  });

  it('in direct mode without a refresh token, cannot follow a sign-in elsewhere', async () => {
    const { store, fetch } = await setUpAuth({ config: DIRECT_CONFIG });
    otherTab.postMessage({ type: 'signed-in' });
    await settle();
    expect(fetch.calls).toEqual([]);
    expect(store.status()).toBe('signed-out');
  });

  it('refreshes under the cross-tab Web Lock, waiting while another tab holds it', async () => {
    const { auth, fetch } = await signedInTab();
    expect(locks.requested).toEqual([REFRESH_LOCK_NAME]); // the start-up refresh
    const otherTabRefresh = new Deferred<void>();
    void locks.request(REFRESH_LOCK_NAME, () => otherTabRefresh.promise);
    fetch.when('/api/auth/refresh', jsonResponse(200, tokenBody('at-2')));
    const refresh = auth.refresh();
    await settle();
    expect(fetch.callsTo('/api/auth/refresh')).toHaveLength(1);
    otherTabRefresh.resolve();
    await refresh;
    expect(fetch.callsTo('/api/auth/refresh')).toHaveLength(2);
    expect(locks.requested).toEqual([REFRESH_LOCK_NAME, REFRESH_LOCK_NAME, REFRESH_LOCK_NAME]);
    await expect(auth.accessToken()).resolves.toBe('at-2');
  });

  it('closes the channel when the application is destroyed', async () => {
    await setUpAuth();
    const own = FakeBroadcastChannel.instances.find((channel) => channel !== otherTab);
    TestBed.resetTestingModule();
    expect(own?.closed).toBe(true);
  });
});

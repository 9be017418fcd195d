import { CountingRelay } from './counting-relay';
import { EXTERNAL_API_ID, EXTERNAL_TENANT, SPA_CLIENT_ID } from './external-id-sign-in';
import { TWO_AUTHORITY_TENANT, apiEnv, startApi, startEmulator, type Started } from './start-stack';

/** What the native-authentication proxy's suites run against. */
export interface NativeProxyStack {
  /** The emulator with both tenants. */
  readonly emulator: Awaited<ReturnType<typeof startEmulator>>;
  /** In front of the emulator: counts what the proxy forwarded, and can answer in its place. */
  readonly relay: CountingRelay;
  readonly api: Started;
  /** The API's `EXTERNAL_ID_AUTHORITY`: the External ID tenant through the relay. */
  readonly authority: string;
  stop(): Promise<void>;
}

/**
 * The emulator (both tenants), a counting relay in front of it as the API's External ID
 * authority, and the API with contoso-notes-spa as its client and `extraEnv` added.
 */
export async function startNativeProxyStack(
  extraEnv: Record<string, string>,
): Promise<NativeProxyStack> {
  const emulator = await startEmulator([], TWO_AUTHORITY_TENANT);
  const relay = await CountingRelay.start(emulator.url);
  const authority = `${relay.url}/${EXTERNAL_TENANT}`;
  const api = await startApi(
    apiEnv(emulator.url, {
      EXTERNAL_ID_AUTHORITY: authority,
      EXTERNAL_ID_CLIENT_ID: SPA_CLIENT_ID,
      EXTERNAL_ID_API_AUDIENCE: EXTERNAL_API_ID,
      ...extraEnv,
    }),
  );
  return {
    emulator,
    relay,
    api,
    authority,
    stop: async () => {
      await api.stop();
      await relay.stop();
      await emulator.stop();
    },
  };
}

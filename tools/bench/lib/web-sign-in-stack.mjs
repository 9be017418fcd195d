// @ts-check
// The stack the web suite signs in on: the emulator with both default tenants, one API that
// accepts both authorities (B2C_* and EXTERNAL_ID_* at once), and the built web client on two
// origins, with its own config.json (B2C) and with the generated External ID one.
// Lifted for the bench only, since every sign-in reaches the api from 127.0.0.1 through the web
// server and the limits must not shape the figures: credential attempts per client
// (AUTH_THROTTLE_IP), challenge calls per client (AUTH_NATIVE_CODE_SENDS_IP, every External ID
// sign-in's challenge counts), refreshes per client (AUTH_THROTTLE_REFRESH_IP, every fresh
// browser context's start-up refresh counts), and the emulator's per-IP and per-tenant request
// limits (external-id-emulator.mjs). The failure budgets stay: every password is right.
import { startApi } from './api-process.mjs';
import {
  EXTERNAL_ID_TENANT,
  NOTES_API_ID,
  SPA_CLIENT_ID,
  startExternalIdEmulator,
} from './external-id-emulator.mjs';
import { writeExternalIdWebConfig } from './external-id-web-config.mjs';
import { freePort, startWebServer } from './web-server-process.mjs';

/** @import { RunningServer } from './emulator-process.mjs' */

/**
 * The running stack: each kind's web origin, and how to stop it all.
 * @typedef {object} SignInStack
 * @property {string} b2c
 * @property {string} externalId
 * @property {() => Promise<void>} stop
 */

/** The lifted throttles: far above what a few dozen sign-ins reach. */
export const LIFTED_THROTTLE = '1000000/60';

/**
 * The emulator with both default tenants, one API that accepts both authorities, and the web
 * client on two origins: the build's config.json (B2C) and the generated one (External ID).
 * Whatever started is stopped again when a later part fails to start.
 * @returns {Promise<SignInStack>}
 */
export async function startSignInStack() {
  const config = writeExternalIdWebConfig();
  /** @type {RunningServer[]} */
  const started = [];
  const stop = async () => {
    await Promise.all(started.map((server) => server.stop()));
    config.remove();
  };
  try {
    const emulator = await startExternalIdEmulator();
    started.push(emulator);
    const ports = [await freePort(), await freePort()];
    const api = await startApi(emulator.url, {
      EXTERNAL_ID_AUTHORITY: `${emulator.url}/${EXTERNAL_ID_TENANT}`,
      EXTERNAL_ID_CLIENT_ID: SPA_CLIENT_ID,
      EXTERNAL_ID_API_AUDIENCE: NOTES_API_ID,
      AUTH_ALLOWED_ORIGINS: ports.map((port) => `http://127.0.0.1:${port}`).join(','),
      AUTH_THROTTLE_IP: LIFTED_THROTTLE,
      AUTH_NATIVE_CODE_SENDS_IP: LIFTED_THROTTLE,
      AUTH_THROTTLE_REFRESH_IP: LIFTED_THROTTLE,
    });
    started.push(api);
    const [b2cPort, externalIdPort] = /** @type {[number, number]} */ (ports);
    const b2c = await startWebServer({ apiUrl: api.url, port: b2cPort });
    started.push(b2c);
    const externalId = await startWebServer({
      apiUrl: api.url,
      port: externalIdPort,
      configFile: config.file,
    });
    started.push(externalId);
    return { b2c: b2c.url, externalId: externalId.url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

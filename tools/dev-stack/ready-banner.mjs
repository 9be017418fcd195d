// @ts-check
// What `npm start` prints once every part answers: the URLs, whom the web client signs in with,
// and the demo users of that authority.
import {
  ALICE,
  B2C_POLICY,
  B2C_TENANT,
  BOB,
  CAROL,
  EXTERNAL_ID_APPS,
  EXTERNAL_ID_TENANT,
} from './default-tenant.mjs';

/** @import { ExternalIdApp, SignInMethod } from './default-tenant.mjs' */

/**
 * What the banner describes.
 * @typedef {object} BannerFacts
 * @property {string} emulatorPort
 * @property {string} emulatorHttpsPort
 * @property {string} apiPort
 * @property {string} webPort
 * @property {string} adminKey
 * @property {string} state Where the state lives, in words.
 * @property {{ kind: 'b2c' } | { kind: 'external-id', signInMethod: SignInMethod, app: ExternalIdApp, configFile: string }} web
 *   Whom the web client signs in with; for External ID, its app and generated config.json.
 */

/**
 * @param {BannerFacts} facts
 * @returns {string}
 */
export function readyBanner(facts) {
  const emulator = `http://localhost:${facts.emulatorPort}`;
  return `
Ready.
  B2C emulator  ${emulator}  (https://localhost:${facts.emulatorHttpsPort})
  API           http://localhost:${facts.apiPort}/api  (health, me, notes, auth/token|refresh|sign-out, auth/native/…)
${webLines(facts).join('\n')}
  External ID   ${emulator}/${EXTERNAL_ID_TENANT}/  (native authentication: oauth2/v2.0/initiate|challenge|token,
                signup/v1.0/start|challenge|continue, resetpassword/v1.0/start|challenge|continue|submit|poll_completion)
                apps ${appLine('password')}, ${appLine('email-otp')}
                users alice and bob (same passwords), ${CAROL.email} (e-mail code; codes on this log and at /.emulator/outbox?to=)
  Admin key     ${facts.adminKey} (development only)
  State         ${facts.state}
Press Ctrl+C to stop.`;
}

/**
 * The web client's lines: its URL, its authority and the demo users who can sign in there.
 * @param {BannerFacts} facts
 * @returns {string[]}
 */
function webLines(facts) {
  const url = `http://localhost:${facts.webPort}`;
  const passwords = `${ALICE.email} / ${ALICE.password}    ${BOB.email} / ${BOB.password}`;
  if (facts.web.kind === 'b2c') {
    return [
      `  Web           ${url}  (Azure AD B2C, ${B2C_TENANT} ${B2C_POLICY}; npm start -- --authority external-id for Entra External ID)`,
      `  Demo users    ${passwords}`,
    ];
  }
  const { app, configFile } = facts.web;
  const header = `  Web           ${url}  (Entra External ID, ${EXTERNAL_ID_TENANT}, app ${app.name}: ${app.userFlow})`;
  const config = `  Web config    ${configFile} (served as /config.json)`;
  if (facts.web.signInMethod === 'email-otp') {
    return [
      header,
      `  Demo users    ${CAROL.email} (also ${ALICE.email}, ${BOB.email}): an 8-digit code, printed on this log`,
      config,
    ];
  }
  return [
    header,
    `  Demo users    ${passwords}    or sign up (the code is printed on this log)`,
    config,
  ];
}

/**
 * @param {SignInMethod} method
 * @returns {string}
 */
function appLine(method) {
  const app = EXTERNAL_ID_APPS[method];
  return `${app.name} ${app.clientId} (${method === 'password' ? 'password' : 'e-mail code'})`;
}

// The API on the local Functions host: protected GET /api/me against anonymous GET /api/health
// (verified-token cache warm, and off), and the host's /api/health against an empty node:http
// server answering the same JSON (autocannon, 10 connections, loopback).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { autocannonRate } from '../lib/autocannon-rate.mjs';
import { startApi } from '../lib/api-process.mjs';
import { passwordForm, startEmulator, tokenRequest } from '../lib/emulator-process.mjs';
import { repeat } from '../lib/measure.mjs';

const NOTES_READ = 'https://contoso.onmicrosoft.com/api/notes.read';

async function startEmptyServer() {
  const child = spawn(
    process.execPath,
    [join(import.meta.dirname, '..', 'lib', 'empty-json-server.mjs')],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const url = await new Promise((resolve) =>
    child.stdout.once('data', (chunk) => resolve(/(http:\S+)/.exec(String(chunk))[1])),
  );
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGTERM');
      }),
  };
}

export async function run({ runs, seconds }) {
  const emulator = await startEmulator();
  const api = await startApi(emulator.url);
  const uncached = await startApi(emulator.url, { AUTH_TOKEN_CACHE: 'off' });
  const empty = await startEmptyServer();
  try {
    const form = {
      ...passwordForm('alice@contoso.com', 'Alice-Passw0rd!'),
      scope: `openid ${NOTES_READ}`,
    };
    const { body } = await tokenRequest(emulator.url, form);
    const headers = { authorization: `Bearer ${body.access_token}` };
    const measure = (url, extra = {}) =>
      repeat(runs, (run) => autocannonRate(url, { seconds, warmUp: run === 0, ...extra }));
    const health = await measure(`${api.url}/api/health`);
    const me = await measure(`${api.url}/api/me`, { headers });
    const meUncached = await measure(`${uncached.url}/api/me`, { headers });
    const bare = await measure(empty.url);
    return [
      {
        id: 'api-health',
        title: 'GET /api/health on the local Functions host',
        unit: 'req/s',
        value: health,
        baseline: { title: 'empty node:http server, same JSON', value: bare.median },
        goal: { min: 0.5 },
      },
      {
        id: 'api-me-cached',
        title: 'GET /api/me, verified-token cache warm',
        unit: 'req/s',
        value: me,
        baseline: { title: 'GET /api/health', value: health.median },
        goal: { min: 0.9 },
      },
      {
        id: 'api-me-uncached',
        title: 'GET /api/me, verified-token cache off',
        unit: 'req/s',
        value: meUncached,
        baseline: { title: 'GET /api/health', value: health.median },
        goal: { min: 0.5 },
      },
      {
        id: 'empty-http',
        title: 'empty node:http server answering {"status":"ok"}',
        unit: 'req/s',
        value: bare,
      },
    ];
  } finally {
    await Promise.all([api.stop(), uncached.stop(), emulator.stop(), empty.stop()]);
  }
}

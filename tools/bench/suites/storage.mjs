// @ts-check
// Durable shared state: the same work with STORAGE_CONNECTION_STRING unset (in-memory stores) and
// on Azurite (Azure Table storage), in the same run, as ratios. Refresh grants (the emulator's
// find + rotate + successor per request) and notes (the API's optimistic write and its list).
import { startApi } from '../lib/api-process.mjs';
import { startAzurite } from '../lib/azurite-process.mjs';
import { clocksFor } from '../lib/budget.mjs';
import { requestJson } from '../lib/http-client.mjs';
import { CLIENT_ID, passwordForm, startEmulator, tokenRequest } from '../lib/emulator-process.mjs';
import { throughputOf } from '../lib/measure.mjs';

/** @import { BenchOptions } from '../lib/budget.mjs' */
/** @import { Figure } from '../lib/report.mjs' */

/** @typedef {{ id: string | undefined, etag: string | undefined }} NoteRef A note and its ETag. */

const CONCURRENCY = 8;
const NOTES_SCOPES =
  'https://contoso.onmicrosoft.com/api/notes.read https://contoso.onmicrosoft.com/api/notes.write';

/**
 * Figure id → time budget (seconds) at these options.
 * @param {BenchOptions} options
 */
export function budgets({ runs, seconds }) {
  const each = 3 + runs * (seconds + 0.5);
  return {
    'storage-refresh-azurite': each,
    'storage-refresh-memory': each,
    'storage-notes-write-azurite': each,
    'storage-notes-write-memory': each,
    'storage-notes-list-azurite': each,
    'storage-notes-list-memory': each,
  };
}

/**
 * Refresh grants in closed loops, each loop redeeming the successor of its last answer.
 * @param {string} emulatorUrl
 * @param {number} seconds
 */
async function refreshThroughput(emulatorUrl, seconds) {
  /** @type {(string | undefined)[]} */
  const chains = [];
  for (let loop = 0; loop < CONCURRENCY; loop++) {
    const { body } = await tokenRequest(
      emulatorUrl,
      passwordForm('alice@contoso.com', 'Alice-Passw0rd!'),
    );
    chains.push(body.refresh_token);
  }
  return throughputOf(
    async (loop) => {
      const { status, body } = await tokenRequest(emulatorUrl, {
        grant_type: 'refresh_token',
        client_id: CLIENT_ID,
        refresh_token: String(chains[loop]),
      });
      if (status !== 200) throw new Error(`refresh failed: ${status} ${body.error_description}`);
      chains[loop] = body.refresh_token;
    },
    { concurrency: CONCURRENCY, seconds },
  );
}

/**
 * A notes client for alice on one API: a note per loop, updated with If-Match chaining.
 * @param {string} emulatorUrl
 * @param {string} apiUrl
 */
async function notesClient(emulatorUrl, apiUrl) {
  const { body } = await tokenRequest(emulatorUrl, {
    ...passwordForm('alice@contoso.com', 'Alice-Passw0rd!'),
    scope: `openid ${NOTES_SCOPES}`,
  });
  const headers = { authorization: `Bearer ${body.access_token}` };
  /** @type {NoteRef[]} */
  const notes = [];
  for (let loop = 0; loop < CONCURRENCY; loop++) {
    const created = await requestJson('POST', `${apiUrl}/api/notes`, {
      headers,
      json: { title: `bench ${loop}`, body: 'x'.repeat(200) },
    });
    if (created.status !== 201) throw new Error(`note create failed: ${created.status}`);
    notes.push({ id: created.body?.id, etag: created.headers.etag });
  }
  return {
    write: (/** @type {number} */ seconds) =>
      throughputOf(
        async (loop) => {
          const note = /** @type {NoteRef} */ (notes[loop]);
          const updated = await requestJson('PUT', `${apiUrl}/api/notes/${note.id}`, {
            headers: { ...headers, 'if-match': note.etag },
            json: { title: `bench ${loop}`, body: 'y'.repeat(200) },
          });
          if (updated.status !== 200) throw new Error(`note update failed: ${updated.status}`);
          note.etag = updated.headers.etag;
        },
        { concurrency: CONCURRENCY, seconds },
      ),
    list: (/** @type {number} */ seconds) =>
      throughputOf(
        async () => {
          const listed = await requestJson('GET', `${apiUrl}/api/notes`, { headers });
          if (listed.status !== 200) throw new Error(`note list failed: ${listed.status}`);
        },
        { concurrency: CONCURRENCY, seconds },
      ),
  };
}

/**
 * An emulator and an API, with `env` (STORAGE_CONNECTION_STRING or nothing) for both.
 * @param {Record<string, string>} env
 */
async function startStack(env) {
  const emulator = await startEmulator({ env });
  const api = await startApi(emulator.url, env);
  return { emulator, api, stop: () => Promise.all([api.stop(), emulator.stop()]) };
}

/**
 * @param {BenchOptions} options
 * @returns {Promise<Figure[]>}
 */
export async function run({ runs, seconds }) {
  const clocks = clocksFor(budgets({ runs, seconds }));
  const azurite = await startAzurite();
  const stacks = {
    memory: await startStack({}),
    azurite: await startStack({ STORAGE_CONNECTION_STRING: azurite.connectionString }),
  };
  try {
    const notes = {
      memory: await notesClient(stacks.memory.emulator.url, stacks.memory.api.url),
      azurite: await notesClient(stacks.azurite.emulator.url, stacks.azurite.api.url),
    };
    // Warm-up of every path (table creation, JIT), then interleaved runs so that drift hits both.
    for (const kind of /** @type {const} */ (['memory', 'azurite'])) {
      await refreshThroughput(stacks[kind].emulator.url, 1);
      await notes[kind].write(0.5);
      await notes[kind].list(0.5);
    }
    for (let run = 0; run < runs; run++) {
      for (const kind of /** @type {const} */ (['azurite', 'memory'])) {
        await clocks[`storage-refresh-${kind}`].sample(() =>
          refreshThroughput(stacks[kind].emulator.url, seconds),
        );
        await clocks[`storage-notes-write-${kind}`].sample(() => notes[kind].write(seconds));
        await clocks[`storage-notes-list-${kind}`].sample(() => notes[kind].list(seconds));
      }
    }
    const setup = `Emulator (bench tenant) and API each in their own process, loaded by the bench's keep-alive client in ${CONCURRENCY} closed loops; Azurite 3.35.0 (in memory, one process) on the same 2-core machine, so every storage call also costs Azurite CPU here. Runs interleaved with the in-memory ones.`;
    /**
     * @param {'storage-refresh' | 'storage-notes-write' | 'storage-notes-list'} id
     * @param {string} title
     * @param {string} baselineTitle
     * @param {string} note
     * @returns {Figure[]}
     */
    const pair = (id, title, baselineTitle, note) => [
      {
        ...clocks[`${id}-azurite`].fields(),
        title: `${title} on Azurite (Table storage)`,
        unit: 'req/s',
        baseline: {
          title: `${baselineTitle}, in-memory stores`,
          value: clocks[`${id}-memory`].summary()?.median,
        },
        note: `${note} ${setup} No goal set (issue 6 asks for the ratio).`,
      },
      {
        ...clocks[`${id}-memory`].fields(),
        title: `${title}, in-memory stores (baseline)`,
        unit: 'req/s',
      },
    ];
    return [
      ...pair(
        'storage-refresh',
        'refresh grant',
        'the same refresh grants',
        'Per request: the token and family point reads, the successor insert and the conditional rotation (and the family expiry bump) on Table storage.',
      ),
      ...pair(
        'storage-notes-write',
        'PUT /api/notes/{id} with If-Match',
        'the same updates',
        'Per request: a point read of the note, then a replace on condition of its entity tag.',
      ),
      ...pair(
        'storage-notes-list',
        `GET /api/notes (${CONCURRENCY} notes of 200 characters)`,
        'the same lists',
        'Per request: one partition query.',
      ),
    ];
  } finally {
    await Promise.all([stacks.memory.stop(), stacks.azurite.stop()]);
    await azurite.stop();
  }
}

// @ts-check
// Durable shared state: the same work with STORAGE_CONNECTION_STRING unset (in-memory stores) and
// on Azurite (Azure Table storage), in the same run, as ratios. Refresh grants (the emulator's
// find + rotate + successor per request) and notes (the API's optimistic write and its list).
// Azurite's own access log counts the storage requests each refresh grant costs.
import { setTimeout as sleep } from 'node:timers/promises';
import { startApi } from '../lib/api-process.mjs';
import { startAzurite } from '../lib/azurite-process.mjs';
import { clocksFor } from '../lib/budget.mjs';
import { requestJson } from '../lib/http-client.mjs';
import { CLIENT_ID, passwordForm, startEmulator, tokenRequest } from '../lib/emulator-process.mjs';
import { throughputOf } from '../lib/measure.mjs';

/** @import { AzuriteRequest } from '@ropc/table-storage/testing' */
/** @import { BenchOptions } from '../lib/budget.mjs' */
/** @import { Figure, Goal } from '../lib/report.mjs' */

/** @typedef {{ id: string | undefined, etag: string | undefined }} NoteRef A note and its ETag. */

/**
 * Storage requests Azurite answered, by what sent them (see `requestSource`).
 * @typedef {Record<string, number>} RequestTally
 */

const CONCURRENCY = 8;
/** The storage issue's goals for a refresh grant on Azurite: its requests, its rate ÷ memory's. */
const REQUESTS_PER_REFRESH_GOAL = 3;
const REFRESH_RATIO_GOAL = 0.3;
/**
 * The emulator's signing keys: cached, read again at most every 5 s by whichever request comes
 * first, so their reads follow the clock, not the load.
 */
const SIGNING_KEYS_TABLE = 'b2csecrets';
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
    // Counted during the storage-refresh-azurite runs: no time of its own.
    'storage-refresh-requests': 1,
    'storage-notes-write-azurite': each,
    'storage-notes-write-memory': each,
    'storage-notes-list-azurite': each,
    'storage-notes-list-memory': each,
  };
}

/**
 * Refresh grants in closed loops, each loop redeeming the successor of its last answer. The
 * sign-ins that start the chains come first, then `measuring` (before the loops start).
 * @param {string} emulatorUrl
 * @param {number} seconds
 * @param {() => Promise<unknown>} [measuring]
 * @returns {Promise<{ rate: number, refreshes: number }>}
 */
async function refreshThroughput(emulatorUrl, seconds, measuring) {
  /** @type {(string | undefined)[]} */
  const chains = [];
  for (let loop = 0; loop < CONCURRENCY; loop++) {
    const { body } = await tokenRequest(
      emulatorUrl,
      passwordForm('alice@contoso.com', 'Alice-Passw0rd!'),
    );
    chains.push(body.refresh_token);
  }
  await measuring?.();
  let refreshes = 0;
  const rate = await throughputOf(
    async (loop) => {
      const { status, body } = await tokenRequest(emulatorUrl, {
        grant_type: 'refresh_token',
        client_id: CLIENT_ID,
        refresh_token: String(chains[loop]),
      });
      if (status !== 200) throw new Error(`refresh failed: ${status} ${body.error_description}`);
      chains[loop] = body.refresh_token;
      refreshes++;
    },
    { concurrency: CONCURRENCY, seconds },
  );
  return { rate, refreshes };
}

/**
 * What sent a request, from its path: the signing keys' re-read, the cleanup timers' sweeps (a
 * query on `expiresAt`; nothing expires during a run, so no deletes follow), or else the table
 * it went to (`$batch` for a transaction). The first two follow the clock, not the load.
 * @param {AzuriteRequest} request
 */
function requestSource({ path }) {
  const decoded = decodeURIComponent(path);
  const table = /^\/[^/]+\/([^/(?]+)/u.exec(decoded)?.[1] ?? decoded;
  if (table === SIGNING_KEYS_TABLE) return 'signing keys (every 5 s)';
  if (/[?&]\$filter=expiresAt le /u.test(decoded)) return 'cleanup sweeps (every 5 min)';
  return table;
}

/** Sources of requests that follow the clock, not the refresh grants. */
const PERIODIC_SOURCES = new Set(['signing keys (every 5 s)', 'cleanup sweeps (every 5 min)']);

/**
 * Counts what Azurite answers, by source, from its access log.
 * @returns {{ onRequest: (request: AzuriteRequest) => void, settled: () => Promise<RequestTally> }}
 */
function storageRequestCounter() {
  /** @type {RequestTally} */
  const tally = {};
  let total = 0;
  return {
    onRequest(request) {
      const source = requestSource(request);
      tally[source] = (tally[source] ?? 0) + 1;
      total++;
    },
    /** A copy of the tally once the log has caught up (it comes through a pipe, a little late). */
    async settled() {
      for (;;) {
        const seen = total;
        await sleep(100);
        if (total === seen) return { ...tally };
      }
    },
  };
}

/**
 * `after` − `before`, source by source.
 * @param {RequestTally} before
 * @param {RequestTally} after
 * @returns {RequestTally}
 */
function tallySince(before, after) {
  return Object.fromEntries(
    Object.entries(after).map(([source, count]) => [source, count - (before[source] ?? 0)]),
  );
}

/**
 * The sum of the tallies, source by source.
 * @param {readonly RequestTally[]} tallies
 * @returns {RequestTally}
 */
function addTallies(tallies) {
  /** @type {RequestTally} */
  const sum = {};
  for (const tally of tallies) {
    for (const [source, count] of Object.entries(tally)) sum[source] = (sum[source] ?? 0) + count;
  }
  return sum;
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
  const storageRequests = storageRequestCounter();
  const azurite = await startAzurite({ onRequest: storageRequests.onRequest });
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
    /** @type {{ tally: RequestTally, refreshes: number }[]} Per refresh run on Azurite. */
    const refreshRequests = [];
    for (let run = 0; run < runs; run++) {
      for (const kind of /** @type {const} */ (['azurite', 'memory'])) {
        /** @type {RequestTally} */
        let before = {};
        const measured = await clocks[`storage-refresh-${kind}`].time(() =>
          refreshThroughput(stacks[kind].emulator.url, seconds, async () => {
            before = await storageRequests.settled();
          }),
        );
        if (measured) clocks[`storage-refresh-${kind}`].samples.push(measured.rate);
        if (measured && kind === 'azurite') {
          const tally = tallySince(before, await storageRequests.settled());
          refreshRequests.push({ tally, refreshes: measured.refreshes });
          await clocks['storage-refresh-requests'].sample(() => {
            const perRequest = Object.entries(tally)
              .filter(([source]) => !PERIODIC_SOURCES.has(source))
              .reduce((sum, [, count]) => sum + count, 0);
            return perRequest / measured.refreshes;
          });
        }
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
     * @param {Goal} [goal] On the ratio to the in-memory baseline.
     * @returns {Figure[]}
     */
    const pair = (id, title, baselineTitle, note, goal) => [
      {
        ...clocks[`${id}-azurite`].fields(),
        title: `${title} on Azurite (Table storage)`,
        unit: 'req/s',
        baseline: {
          title: `${baselineTitle}, in-memory stores`,
          value: clocks[`${id}-memory`].summary()?.median,
        },
        ...(goal ? { goal } : {}),
        note: `${note} ${setup} ${goal ? '' : 'No goal set (issue 6 asks for the ratio).'}`.trim(),
      },
      {
        ...clocks[`${id}-memory`].fields(),
        title: `${title}, in-memory stores (baseline)`,
        unit: 'req/s',
      },
    ];
    const allRuns = addTallies(refreshRequests.map(({ tally }) => tally));
    const refreshes = refreshRequests.reduce((sum, run) => sum + run.refreshes, 0);
    const bySource = Object.entries(allRuns)
      .filter(([, count]) => count > 0)
      .map(([source, count]) => `${source} ${count} (${(count / refreshes).toFixed(3)})`)
      .join(', ');
    return [
      ...pair(
        'storage-refresh',
        'refresh grant',
        'the same refresh grants',
        "Per request: a point read of the token's family row (which holds the family's latest token), a point read of the user, and one entity-group transaction (the family row's new latest token on condition of its entity tag, and the redeemed token's row) on Table storage.",
        { min: REFRESH_RATIO_GOAL },
      ),
      {
        ...clocks['storage-refresh-requests'].fields(),
        title: 'storage requests per refresh grant on Azurite (Table storage)',
        unit: 'requests',
        goal: { atMost: REQUESTS_PER_REFRESH_GOAL },
        note: `Requests Azurite answered during the storage-refresh-azurite runs (its own access log: one line per request, a transaction one) ÷ the refresh grants answered in those runs, per run, leaving out what follows the clock and not the load: the emulator's re-read of its signing keys (at most every 5 s) and the instances' cleanup sweeps. Over all ${refreshRequests.length} runs, ${refreshes} refresh grants; requests by source (per refresh grant): ${bySource}. The bench tenant has the service limits off; on, they add six rate-counter requests to every token request.`,
      },
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

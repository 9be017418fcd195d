// @ts-check
// BENCHMARKS.md's "Cost of scale": what one instance holds and serves (this run's figures), and
// from those and Azure AD B2C's published service limits, what a sign-in or refresh rate costs in
// instances and outbound IP addresses, and which limit binds first. The limits are constants with
// their sources; every per-instance number is a figure measured in the same run.

/** @import { Figure } from './report.mjs' */

/** B2C: 6,000 requests per 5 minutes per IP address per tenant (service-limits.md). */
export const B2C_PER_IP_PER_SECOND = 6000 / 300;
/** B2C: 200 requests per second per tenant (service-limits.md); no IP or instance lifts it. */
export const B2C_PER_TENANT_PER_SECOND = 200;
/** Azure Table storage: about 2,000 entities per second per partition (scalability targets). */
export const TABLE_PARTITION_ENTITIES_PER_SECOND = 2000;
/** How busy an instance is planned to run: headroom for bursts and the slower cold instances. */
const PLANNED_UTILISATION = 0.7;
/** B2C's default access-token lifetime: a signed-in user's client refreshes once per hour. */
const DEFAULT_ACCESS_TOKEN_SECONDS = 3600;
/** B2C's longest access-token lifetime (24 h), the lever a team has against refresh volume. */
const LONGEST_ACCESS_TOKEN_SECONDS = 86400;

/**
 * The figures the section reads, by id.
 * @typedef {object} ScaleInputs
 * @property {number | undefined} apiSignInCpuMs The api's CPU per proxied sign-in.
 * @property {number | undefined} apiRefreshCpuMs The api's CPU per proxied refresh.
 * @property {number | undefined} apiRssMb The api's peak resident memory under load.
 * @property {number | undefined} emulatorRssMb The emulator's peak resident memory under load.
 * @property {number | undefined} emulatorPasswordRate Password grants per second, one emulator.
 * @property {number | undefined} emulatorRefreshRate Refresh grants per second, one emulator.
 */

/** Rows of the per-instance rate table: figure id and what it serves. */
const RATE_ROWS = /** @type {const} */ ([
  ['emulator-password', 'emulator', 'POST token, password grant (argon2id check)'],
  ['emulator-refresh', 'emulator', 'POST token, refresh grant (two RS256 signatures)'],
  ['storage-refresh-azurite', 'emulator', 'POST token, refresh grant, state on Table storage'],
  ['emulator-discovery', 'emulator', 'GET discovery document'],
  ['emulator-jwks', 'emulator', 'GET JWKS'],
  ['api-health', 'api', 'GET /api/health'],
  ['api-me-cached', 'api', 'GET /api/me (verified-token cache warm)'],
  ['api-me-uncached', 'api', 'GET /api/me (a signature check per request)'],
  ['storage-notes-list-azurite', 'api', 'GET /api/notes on Table storage'],
  ['storage-notes-write-azurite', 'api', 'PUT /api/notes/{id} on Table storage'],
  ['proxy-sign-in', 'api', 'POST /api/auth/token (proxied sign-in, emulator on the same cores)'],
  ['proxy-refresh', 'api', 'POST /api/auth/refresh (proxied refresh, emulator on the same cores)'],
]);

/**
 * The median of figure `id`, when it has a usable one.
 * @param {readonly Figure[]} figures
 * @param {string} id
 */
function medianOf(figures, id) {
  const median = figures.find((figure) => figure.id === id)?.value?.median;
  return isNumber(median) ? median : undefined;
}

/**
 * @param {readonly Figure[]} figures
 * @returns {ScaleInputs}
 */
export function scaleInputs(figures) {
  return {
    // Under load (proxy-cpu suite): at the emulator's pace the api pays for idle wake-ups.
    apiSignInCpuMs: medianOf(figures, 'proxy-instant-sign-in-cpu'),
    apiRefreshCpuMs: medianOf(figures, 'proxy-refresh-cpu'),
    apiRssMb: medianOf(figures, 'rss-api-load'),
    emulatorRssMb: medianOf(figures, 'rss-emulator-load'),
    emulatorPasswordRate: medianOf(figures, 'emulator-password'),
    emulatorRefreshRate: medianOf(figures, 'emulator-refresh'),
  };
}

/** @param {unknown} value @returns {value is number} */
function isNumber(value) {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

/**
 * One load the table sizes for.
 * @typedef {object} Load
 * @property {string} title
 * @property {'sign-in' | 'refresh'} kind
 * @property {number} perSecond Requests per second reaching the authority.
 */

/** @type {readonly Load[]} */
export const LOADS = [
  { title: '10 sign-ins/s', kind: 'sign-in', perSecond: 10 },
  { title: '100 sign-ins/s', kind: 'sign-in', perSecond: 100 },
  { title: '1,000 sign-ins/s', kind: 'sign-in', perSecond: 1000 },
  {
    title: '1 million active users refreshing hourly (60 min access tokens, the default)',
    kind: 'refresh',
    perSecond: 1e6 / DEFAULT_ACCESS_TOKEN_SECONDS,
  },
  {
    title: '1 million active users refreshing daily (24 h access tokens, the longest)',
    kind: 'refresh',
    perSecond: 1e6 / LONGEST_ACCESS_TOKEN_SECONDS,
  },
];

/**
 * What one load costs, and which limit binds first.
 * @typedef {object} Sizing
 * @property {number | undefined} apiInstances 1-vCPU api instances at the planned utilisation.
 * @property {number | undefined} apiMemoryMb Their resident memory under load, together.
 * @property {number} outboundIps Addresses the api needs under B2C's per-IP limit.
 * @property {number} tenantShare The load ÷ one tenant's limit.
 * @property {number | undefined} emulatorInstances Emulators to stand in for B2C at this rate.
 * @property {string} binds
 */

/**
 * @param {Load} load
 * @param {ScaleInputs} inputs
 * @returns {Sizing}
 */
export function sizeFor(load, inputs) {
  const cpuMs = load.kind === 'sign-in' ? inputs.apiSignInCpuMs : inputs.apiRefreshCpuMs;
  const apiInstances =
    cpuMs === undefined
      ? undefined
      : Math.max(1, Math.ceil((load.perSecond * cpuMs) / (1000 * PLANNED_UTILISATION)));
  const emulatorRate =
    load.kind === 'sign-in' ? inputs.emulatorPasswordRate : inputs.emulatorRefreshRate;
  const emulatorInstances =
    emulatorRate === undefined ? undefined : Math.max(1, Math.ceil(load.perSecond / emulatorRate));
  const outboundIps = Math.max(1, Math.ceil(load.perSecond / B2C_PER_IP_PER_SECOND));
  const tenantShare = load.perSecond / B2C_PER_TENANT_PER_SECOND;
  return {
    apiInstances,
    apiMemoryMb:
      apiInstances === undefined || inputs.apiRssMb === undefined
        ? undefined
        : apiInstances * inputs.apiRssMb,
    outboundIps,
    tenantShare,
    emulatorInstances,
    binds: bindingLimit(load, tenantShare, outboundIps),
  };
}

/**
 * Which limit a deployment meets first at this load, and what lifts it.
 * @param {Load} load
 * @param {number} tenantShare
 * @param {number} outboundIps
 */
function bindingLimit(load, tenantShare, outboundIps) {
  const emulator =
    load.kind === 'sign-in'
      ? "the emulator standing in for B2C is bound by argon2id's hash CPU"
      : 'the emulator standing in for B2C is bound by RS256 signing CPU';
  if (tenantShare > 1)
    return (
      `**B2C's per-tenant limit** (${B2C_PER_TENANT_PER_SECOND}/s): ${tenantShare.toFixed(1)}× what ` +
      'one tenant accepts, and no number of instances or IP addresses lifts it (see below); ' +
      emulator
    );
  if (outboundIps > 1)
    return (
      `**B2C's per-IP limit** (${B2C_PER_IP_PER_SECOND}/s per address): ${outboundIps} outbound ` +
      `addresses (a NAT gateway with a public IP prefix); the tenant is at ` +
      `${Math.round(tenantShare * 100)}% of its limit; ${emulator}`
    );
  return (
    `none yet: one instance and one outbound address; the per-IP limit ` +
    `(${B2C_PER_IP_PER_SECOND}/s) is the first to bind as the load grows; ${emulator}`
  );
}

/**
 * The section's markdown lines.
 * @param {readonly Figure[]} figures
 * @returns {string[]}
 */
export function costOfScaleLines(figures) {
  const inputs = scaleInputs(figures);
  const lines = [
    '## Cost of scale',
    '',
    'Per instance, from this run (2-core machine; the load generator shares the cores; an ' +
      '"instance" is one process: the emulator\'s bin, or the api on the local Functions host):',
    '',
    '| serves | endpoint | req/s (median) |',
    '| --- | --- | --- |',
  ];
  for (const [id, app, endpoint] of RATE_ROWS) {
    const value = medianOf(figures, id);
    lines.push(`| ${app} | ${endpoint} | ${value === undefined ? '—' : formatRate(value)} |`);
  }
  lines.push(
    '',
    `Memory under load (peak resident set): emulator ${mb(inputs.emulatorRssMb)}, api ` +
      `${mb(inputs.apiRssMb)} (goal < 150 MB each; rows above). The api's CPU per proxied ` +
      `sign-in ${ms(inputs.apiSignInCpuMs)} and per proxied refresh ${ms(inputs.apiRefreshCpuMs)}: ` +
      'the authority does the expensive part (the password check, the signatures); the proxy ' +
      'forwards, seals the session cookie and counts.',
    '',
    "Capacity, from those figures and B2C's published service limits: " +
      `${B2C_PER_IP_PER_SECOND} requests/s per IP address per tenant (6,000 per 5 minutes), ` +
      `${B2C_PER_TENANT_PER_SECOND} requests/s per tenant; Table storage about ` +
      `${TABLE_PARTITION_ENTITIES_PER_SECOND.toLocaleString('en-US')} entities/s per partition. ` +
      `Api instances are 1-vCPU instances planned at ${PLANNED_UTILISATION * 100}% busy.`,
    '',
    '| load | at the authority | api instances (CPU) | api memory | outbound IPs | share of one B2C tenant | emulators to stand in for B2C | binds first |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  );
  for (const load of LOADS) {
    const size = sizeFor(load, inputs);
    lines.push(
      `| ${load.title} | ${formatRate(load.perSecond)} ${load.kind === 'refresh' ? 'refreshes' : 'sign-ins'}/s | ${size.apiInstances ?? '—'} | ${mb(size.apiMemoryMb)} | ${size.outboundIps} | ${Math.round(size.tenantShare * 100)}% | ${size.emulatorInstances ?? '—'} | ${size.binds} |`,
    );
  }
  lines.push(
    '',
    '- **Table storage** (about ' +
      `${TABLE_PARTITION_ENTITIES_PER_SECOND.toLocaleString('en-US')} entities/s per partition) ` +
      'binds nowhere in the api at these loads: its protection state lives in partitions per ' +
      'client address and window (a fixed-window count costs six entity operations: a shard read ' +
      "and write, then the window's four shards summed) and per account (a budget read and " +
      'write when reserved, again when settled), so one partition reaches the target only under ' +
      'one address sending about 330 attempts/s, far past its own limit of 20 a minute. The ' +
      'emulator on Table storage keeps refresh grants in a partition per sign-in family; its ' +
      'per-tenant request counter is one partition per second, which would reach the target near ' +
      "330 requests/s, so the 200/s that counter enforces (B2C's own limit) binds first.",
    '- **1,000 sign-ins/s, or a million users refreshing hourly (about 280/s), exceed one B2C ' +
      "tenant**, whatever the api's size. What a team does: fewer authority calls per user first " +
      '(keep sessions: a returning user refreshes instead of signing in again; refresh only when a ' +
      'call needs a token, not on a timer; longer access tokens — at 24 h a million users refresh ' +
      'about 12 times a second); then ask Microsoft support for a higher tenant limit; past that, ' +
      "split users over several tenants (a directory each, so a user's account lives in one). " +
      "External ID, B2C's successor, publishes its own limits; the same arithmetic applies.",
    "- **Outbound addresses**: every proxied call leaves from the api's outbound IP, so B2C sees " +
      'one client per address (and its smart lockout may treat that address as an attacker; the ' +
      "api's own per-account budgets stand in front of it). Give the Function app a NAT gateway " +
      'with as many public addresses as the table says.',
  );
  return lines;
}

/** @param {number} value */
function formatRate(value) {
  return value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(1);
}

/** @param {number | undefined} value */
function mb(value) {
  return value === undefined ? '—' : `${Math.round(value).toLocaleString('en-US')} MB`;
}

/** @param {number | undefined} value */
function ms(value) {
  return value === undefined ? '—' : `${value.toFixed(2)} ms`;
}

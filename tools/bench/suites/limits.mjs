// @ts-check
// This machine's physical limits, measured in the same run as everything compared against them:
// single-core RS256 sign and verify with node:crypto, and single-core argon2id at the emulator's
// parameters (m=19 MiB, t=2, p=1).
import { createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { createRequire } from 'node:module';
import { clocksFor } from '../lib/budget.mjs';
import { rateOf } from '../lib/measure.mjs';

/** @import { BenchOptions } from '../lib/budget.mjs' */
/** @import { Figure } from '../lib/report.mjs' */

const require = createRequire(import.meta.url);
/** @type {unknown} */
const argon2 = require('@node-rs/argon2');
const { hashSync } = /** @type {typeof import('@node-rs/argon2')} */ (argon2);

/** A JWT-sized signing input: header.payload of a typical B2C access token. */
const SIGNING_INPUT = Buffer.from('e'.repeat(48) + '.' + 'p'.repeat(560));

/**
 * Figure id → time budget (seconds) at these options.
 * @param {BenchOptions} options
 */
export function budgets({ runs, seconds }) {
  const each = 3 + runs * seconds;
  return { 'rs256-sign': each, 'rs256-verify': each, argon2id: each };
}

/**
 * @param {BenchOptions} options
 * @returns {Promise<Figure[]>}
 */
export async function run({ runs, seconds }) {
  const clocks = clocksFor(budgets({ runs, seconds }));
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const publicKey = createPublicKey(privateKey);
  const signature = sign('sha256', SIGNING_INPUT, privateKey);
  await clocks['rs256-sign'].repeat(runs, () =>
    rateOf(() => sign('sha256', SIGNING_INPUT, privateKey), seconds),
  );
  await clocks['rs256-verify'].repeat(runs, () =>
    rateOf(() => verify('sha256', SIGNING_INPUT, publicKey, signature), seconds),
  );
  // Algorithm 2 is Argon2id (@node-rs/argon2's Algorithm is a const enum with no runtime value).
  const argonOptions = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 };
  await clocks['argon2id'].repeat(runs, () =>
    rateOf(() => hashSync('bench-password', argonOptions), seconds),
  );
  return [
    {
      ...clocks['rs256-sign'].fields(),
      title: 'RS256 sign, node:crypto, one core',
      unit: 'ops/s',
    },
    {
      ...clocks['rs256-verify'].fields(),
      title: 'RS256 verify, node:crypto, one core',
      unit: 'ops/s',
    },
    {
      ...clocks['argon2id'].fields(),
      title: 'argon2id hash (m=19 MiB, t=2, p=1), one core',
      unit: 'ops/s',
    },
  ];
}

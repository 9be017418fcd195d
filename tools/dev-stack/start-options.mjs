// @ts-check
// The command line of `npm start`: `[--azurite] [--authority b2c|external-id]
// [--sign-in-method password|email-otp]`. Read before anything is built, so a typo stops at once.
import { parseArgs } from 'node:util';

/** @import { SignInMethod } from './default-tenant.mjs' */

/** @typedef {'b2c' | 'external-id'} AuthorityKind */

/**
 * What `npm start` was asked to run.
 * @typedef {object} StartOptions
 * @property {boolean} azurite State in Azurite instead of memory.
 * @property {AuthorityKind} authority Whom the web client signs in with.
 * @property {SignInMethod | undefined} signInMethod External ID only: the client app's user flow;
 *   undefined when not given (then the API's EXTERNAL_ID_CLIENT_ID, else the password app).
 */

export const USAGE =
  'usage: npm start -- [--azurite] [--authority b2c|external-id] [--sign-in-method password|email-otp]';

/** @type {readonly AuthorityKind[]} */
const AUTHORITIES = ['b2c', 'external-id'];
/** @type {readonly SignInMethod[]} */
const SIGN_IN_METHODS = ['password', 'email-otp'];

/** A command line `npm start` cannot run; its message says what to type instead. */
export class StartOptionsError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(`${message}\n${USAGE}`);
    this.name = 'StartOptionsError';
  }
}

/**
 * Reads `npm start`'s arguments (those after `--`).
 * @param {readonly string[]} args
 * @returns {StartOptions}
 * @throws {StartOptionsError} for an unknown option or value.
 */
export function parseStartOptions(args) {
  const values = readValues(args);
  const authority = values.authority ?? 'b2c';
  if (!isOneOf(authority, AUTHORITIES)) {
    throw new StartOptionsError(
      `Unknown --authority "${authority}": use b2c (Azure AD B2C, the default) or external-id (Entra External ID).`,
    );
  }
  const signInMethod = values['sign-in-method'];
  if (signInMethod !== undefined && !isOneOf(signInMethod, SIGN_IN_METHODS)) {
    throw new StartOptionsError(
      `Unknown --sign-in-method "${signInMethod}": use password (the default) or email-otp.`,
    );
  }
  if (signInMethod !== undefined && authority !== 'external-id') {
    throw new StartOptionsError(
      '--sign-in-method applies to --authority external-id only (B2C signs in with a password).',
    );
  }
  return { azurite: values.azurite ?? false, authority, signInMethod };
}

/**
 * @param {readonly string[]} args
 * @returns {{ azurite?: boolean, authority?: string, 'sign-in-method'?: string }}
 */
function readValues(args) {
  try {
    return parseArgs({
      args: [...args],
      options: {
        azurite: { type: 'boolean' },
        authority: { type: 'string' },
        'sign-in-method': { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    // parseArgs throws a TypeError with a code; checked by shape, as it may come from another realm.
    const message = /** @type {{ message?: unknown }} */ (error).message;
    throw new StartOptionsError(typeof message === 'string' ? message : String(error));
  }
}

/**
 * @template {string} T
 * @param {string} value
 * @param {readonly T[]} allowed
 * @returns {value is T}
 */
function isOneOf(value, allowed) {
  return /** @type {readonly string[]} */ (allowed).includes(value);
}

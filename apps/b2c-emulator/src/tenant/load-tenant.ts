import { fileURLToPath } from 'node:url';
import { buildTenants, type PasswordHashFunction } from './build-tenant';
import { checkTenantFileRules } from './check-tenant-file-rules';
import { checkTenantFileShape } from './check-tenant-file-shape';
import { hashPassword } from './password-hasher';
import { readTenantFile } from './read-tenant-file';
import { sortProblems } from './sort-problems';
import { TenantFileError } from './tenant-file-error';
import type { Tenant } from './tenant-model';

/** Options of {@link parseTenantFile} and {@link loadTenant}. */
export interface ParseTenantFileOptions {
  /**
   * Hashes the file's clear-text passwords; must return an argon2id PHC string. Defaults to
   * {@link hashPassword} (argon2id, m=19456 KiB, t=2, p=1: about 20–40 ms per user).
   */
  readonly hashPassword?: PasswordHashFunction;
  /**
   * Receives one message per accepted out-of-range lifetime (only with
   * `allowOutOfRangeLifetimes: true`), after the file passed every check. Defaults to
   * `console.warn`, because such a tenant must never go unnoticed.
   */
  readonly onWarning?: (message: string) => void;
}

/**
 * Validates a parsed tenant file — version 2 (`{"tenants": [...]}`) or version 1 (one B2C tenant)
 * — and builds its tenants, in file order: the schema's shape, then the rules across the file
 * (unique ids and sign-in names, granted scopes, lifetime ranges, password hashes), then defaults
 * and password hashing. Clear-text passwords are hashed; the result holds none.
 *
 * @throws {TenantFileError} listing every problem at once, in file order, each with a JSON pointer.
 */
export async function parseTenantFile(
  json: unknown,
  options: ParseTenantFileOptions = {},
): Promise<Tenant[]> {
  return parse(json, options, undefined);
}

/**
 * Loads a tenant file's tenants: `source` is a file path (or `file:` URL) to read, or an
 * already-parsed tenant file object. A file's path is named in the {@link TenantFileError} it may
 * throw.
 */
export async function loadTenants(
  source: unknown,
  options: ParseTenantFileOptions = {},
): Promise<Tenant[]> {
  if (typeof source === 'string' || source instanceof URL) {
    const file = source instanceof URL ? fileURLToPath(source) : source;
    return parse(await readTenantFile(file), options, file);
  }
  return parse(source, options, undefined);
}

async function parse(
  json: unknown,
  options: ParseTenantFileOptions,
  fileName: string | undefined,
): Promise<Tenant[]> {
  const shape = checkTenantFileShape(json);
  const rules = checkTenantFileRules(json);
  const problems = sortProblems([...shape.problems, ...rules.problems], json);
  if (shape.file === undefined || problems.length > 0) {
    throw new TenantFileError(problems, fileName);
  }
  const warn = options.onWarning ?? warnOnConsole;
  for (const warning of rules.warnings) {
    warn(warning);
  }
  return buildTenants(shape.file, options.hashPassword ?? hashPassword);
}

function warnOnConsole(message: string): void {
  console.warn(`[b2c-emulator] WARNING: ${message}`);
}

import { checkLifetimes } from '../b2c/check-lifetimes';
import { ARGON2ID_PHC_PATTERN, isArgon2idPhc } from './password-hasher';
import { DEFAULT_IDENTITY_PROTECTION } from './tenant-defaults';
import type { TenantFileProblem } from './tenant-file-error';

/**
 * Characters of JSON per user: an emulator limit, far above what the Graph API can create (its
 * bodies are at most 64 KiB), that keeps every user within one Table storage entity (1 MiB).
 */
export const MAX_USER_JSON_LENGTH = 128 * 1024;

/** Problems that stop the load, and warnings to log loudly when it goes ahead. */
export interface RuleCheckResult {
  readonly problems: TenantFileProblem[];
  readonly warnings: string[];
}

/** A JSON object somewhere in the file, with the pointer to it. */
interface Located {
  readonly path: string;
  readonly value: Readonly<Record<string, unknown>>;
}

/** A value that must be unique among its kind, with where it was found. */
interface Keyed {
  readonly path: string;
  readonly key: string | undefined;
}

/**
 * The rules a JSON Schema cannot state: uniqueness across the file (tenant names and ids, too, in
 * a version 2 file), granted scopes that some application exposes, lifetime ranges, decodable
 * password hashes, lockout bounds, user sizes, and (External ID) apps linked to a user flow that
 * exists. Runs on any JSON, even one the schema rejects, and skips values of the wrong type (the
 * schema reports those), so one load lists every mistake.
 */
export function checkTenantFileRules(json: unknown): RuleCheckResult {
  const file: Located = { path: '', value: isRecord(json) ? json : {} };
  if (!('tenants' in file.value)) return checkB2CTenant(file);
  const tenants = recordsAt(file, 'tenants');
  const results = tenants.map((tenant) =>
    tenant.value['kind'] === 'external-id' ? checkExternalIdTenant(tenant) : checkB2CTenant(tenant),
  );
  const identities = tenants.flatMap((tenant) => recordsAt(tenant, 'tenant'));
  return {
    problems: [
      ...findDuplicates(keysAt(identities, 'name'), 'tenant names are unique, case-insensitively'),
      ...findDuplicates(keysAt(identities, 'id'), 'tenant ids are unique'),
      ...results.flatMap((result) => result.problems),
    ],
    warnings: results.flatMap((result) => result.warnings),
  };
}

/** What every tenant must hold, whatever its kind. */
function checkDirectory(tenant: Located): TenantFileProblem[] {
  const applications = recordsAt(tenant, 'applications');
  const users = recordsAt(tenant, 'users');
  const identities = users.flatMap((user) => recordsAt(user, 'identities'));
  return [
    ...findDuplicates(keysAt(applications, 'id'), 'application ids are unique'),
    ...findDuplicates(keysAt(applications, 'identifierUri'), 'App ID URIs are unique'),
    ...checkGrantedScopes(applications),
    ...findDuplicates(keysAt(users, 'id'), 'user object ids are unique'),
    ...findDuplicates(
      identities.map(signInNameKey),
      'sign-in names are unique per sign-in type, case-insensitively',
    ),
    ...checkPasswordHashes(users),
    ...checkUserSizes(users),
    ...checkLockoutBounds(recordsAt(tenant, 'identityProtection')),
  ];
}

function checkB2CTenant(tenant: Located): RuleCheckResult {
  const userFlows = recordsAt(tenant, 'userFlows');
  const lifetimes = checkAllLifetimes(userFlows, tenant.value['allowOutOfRangeLifetimes'] === true);
  const problems = [
    ...findDuplicates(keysAt(userFlows, 'name'), 'user-flow names are unique, case-insensitively'),
    ...checkDirectory(tenant),
    ...lifetimes.problems,
  ];
  return { problems, warnings: lifetimes.warnings };
}

/**
 * External ID's lifetimes: MSAL refuses an `expires_in` of 300 seconds or less (§3.4), so a
 * shorter access token is accepted only with `allowOutOfRangeLifetimes`, loudly; a refresh token
 * that short gets a warning.
 */
function checkExternalIdTenant(tenant: Located): RuleCheckResult {
  const userFlows = recordsAt(tenant, 'userFlows');
  const flowNames = new Set(keysAt(userFlows, 'name').map((entry) => entry.key));
  const linked = keysAt(recordsAt(tenant, 'applications'), 'userFlow').filter(
    (entry) => entry.key !== undefined && !flowNames.has(entry.key),
  );
  const warnings: string[] = [];
  const problems = [
    ...findDuplicates(keysAt(userFlows, 'name'), 'user-flow names are unique, case-insensitively'),
    ...userFlows.flatMap((flow) =>
      findDuplicates(keysAt(recordsAt(flow, 'attributes'), 'name'), 'attribute names are unique'),
    ),
    ...linked.map((entry) => ({ path: entry.path, message: 'names no user flow of the tenant' })),
    ...checkDirectory(tenant),
  ];
  for (const lifetimes of recordsAt(tenant, 'lifetimes')) {
    const refresh = lifetimes.value['refreshTokenSeconds'];
    // MSAL treats a refresh token with 300 s or less left as expired (refresh_token_expired):
    // valid for the emulator, but an SDK's forced refresh fails. A warning, never a refusal.
    if (typeof refresh === 'number' && refresh <= 300)
      warnings.push(
        `${lifetimes.path}/refreshTokenSeconds is ${refresh} s: MSAL does not redeem a refresh token with 300 s or less left`,
      );
    const access = lifetimes.value['accessTokenSeconds'];
    if (typeof access !== 'number' || access > 300) continue;
    const where = `${lifetimes.path}/accessTokenSeconds`;
    if (tenant.value['allowOutOfRangeLifetimes'] === true)
      warnings.push(`${where} is ${access} s: MSAL refuses an expires_in of 300 s or less`);
    else
      problems.push({
        path: where,
        message:
          'must be above 300 seconds (MSAL refuses a shorter expires_in); set allowOutOfRangeLifetimes to accept it',
      });
  }
  return { problems, warnings };
}

function checkAllLifetimes(
  userFlows: readonly Located[],
  allowOutOfRange: boolean,
): RuleCheckResult {
  const results = userFlows.flatMap((flow) =>
    recordsAt(flow, 'lifetimes').map((lifetimes) =>
      checkLifetimes(lifetimes.value, lifetimes.path, allowOutOfRange),
    ),
  );
  return {
    problems: results.flatMap((result) => result.problems),
    warnings: results.flatMap((result) => result.warnings),
  };
}

/** Reports each later occurrence of a key, pointing back at the first. */
function findDuplicates(entries: readonly Keyed[], rule: string): TenantFileProblem[] {
  const first = new Map<string, string>();
  const problems: TenantFileProblem[] = [];
  for (const { path, key } of entries) {
    if (key === undefined) {
      continue;
    }
    const earlier = first.get(key);
    if (earlier === undefined) {
      first.set(key, path);
    } else {
      problems.push({ path, message: `duplicates ${earlier} (${rule})` });
    }
  }
  return problems;
}

/** Case-insensitive: B2C matches policy names, GUIDs and sign-in names that way. */
function keysAt(items: readonly Located[], property: string): Keyed[] {
  return items.map((item) => {
    const value = item.value[property];
    return {
      path: `${item.path}/${property}`,
      key: typeof value === 'string' ? value.toLowerCase() : undefined,
    };
  });
}

function signInNameKey(identity: Located): Keyed {
  const [type] = keysAt([identity], 'signInType');
  const [name] = keysAt([identity], 'issuerAssignedId');
  const key =
    type?.key === undefined || name?.key === undefined ? undefined : `${type.key} ${name.key}`;
  return { path: `${identity.path}/issuerAssignedId`, key };
}

/** A grant names a full scope URI: `{identifierUri}/{value}` of some application. */
function checkGrantedScopes(applications: readonly Located[]): TenantFileProblem[] {
  const exposed = new Set(
    applications.flatMap(({ value }) => {
      const uri = value['identifierUri'];
      return typeof uri === 'string'
        ? stringsAt(value, 'exposedScopes').map((s) => `${uri}/${s}`)
        : [];
    }),
  );
  return applications.flatMap(({ path, value }) => {
    const granted = value['grantedScopes'];
    return (Array.isArray(granted) ? granted : []).flatMap((scope: unknown, index) =>
      typeof scope === 'string' && !exposed.has(scope)
        ? [
            {
              path: `${path}/grantedScopes/${index}`,
              message:
                'is not exposed by any application (identifierUri + "/" + an exposedScopes value)',
            },
          ]
        : [],
    );
  });
}

/** The schema checks the PHC shape; here, that salt and digest decode. */
function checkPasswordHashes(users: readonly Located[]): TenantFileProblem[] {
  return users.flatMap(({ path, value }) => {
    const phc = value['passwordHash'];
    return typeof phc === 'string' && ARGON2ID_PHC_PATTERN.test(phc) && !isArgon2idPhc(phc)
      ? [{ path: `${path}/passwordHash`, message: 'is not a decodable argon2id PHC string' }]
      : [];
  });
}

function checkUserSizes(users: readonly Located[]): TenantFileProblem[] {
  return users.flatMap(({ path, value }) =>
    JSON.stringify(value).length > MAX_USER_JSON_LENGTH
      ? [{ path, message: `is longer than ${MAX_USER_JSON_LENGTH} characters as JSON` }]
      : [],
  );
}

function checkLockoutBounds(settings: readonly Located[]): TenantFileProblem[] {
  return settings.flatMap(({ path, value }) => {
    const first =
      value['lockoutDurationSeconds'] ?? DEFAULT_IDENTITY_PROTECTION.lockoutDurationSeconds;
    const max = value['maxLockoutSeconds'] ?? DEFAULT_IDENTITY_PROTECTION.maxLockoutSeconds;
    if (typeof first !== 'number' || typeof max !== 'number' || max >= first) {
      return [];
    }
    return 'maxLockoutSeconds' in value
      ? [{ path: `${path}/maxLockoutSeconds`, message: 'must be at least lockoutDurationSeconds' }]
      : [
          {
            path: `${path}/lockoutDurationSeconds`,
            message: `must not exceed maxLockoutSeconds (default ${max})`,
          },
        ];
  });
}

/** The objects under `property`: the elements of an array, or the object itself. */
function recordsAt(parent: Located, property: string): Located[] {
  const value = parent.value[property];
  const path = `${parent.path}/${property}`;
  if (Array.isArray(value)) {
    return value.flatMap((item: unknown, index) =>
      isRecord(item) ? [{ path: `${path}/${index}`, value: item }] : [],
    );
  }
  return isRecord(value) ? [{ path, value }] : [];
}

function stringsAt(value: Readonly<Record<string, unknown>>, property: string): string[] {
  const items = value[property];
  return Array.isArray(items)
    ? items.filter((item): item is string => typeof item === 'string')
    : [];
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

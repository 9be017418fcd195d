import {
  APPLICATION_DEFAULTS,
  DEFAULT_IDENTITY_PROTECTION,
  DEFAULT_LIFETIMES,
  DEFAULT_REFRESH_TOKENS,
  USER_DEFAULTS,
  USER_FLOW_DEFAULTS,
} from './tenant-defaults';
import type {
  AnyTenantFile,
  TenantFile,
  TenantFileApplication,
  TenantFileExternalIdApplication,
  TenantFileExternalIdTenant,
  TenantFileExternalIdUser,
  TenantFileExternalIdUserFlow,
  TenantFileUserFlow,
} from './tenant-file';
import type { Application, B2CTenant, ExternalIdTenant, Tenant, TenantUser } from './tenant-model';
import type { UserFlow } from '../b2c/user-flow';
import {
  EXTERNAL_ID_FIDELITY_DEFAULTS,
  EXTERNAL_ID_LIFETIME_DEFAULTS,
  type ExternalIdUserFlow,
} from '../external-id/external-id-tenant';

/** Turns a clear-text password into an argon2id PHC string. */
export type PasswordHashFunction = (plain: string) => Promise<string>;

/**
 * Builds the tenants of a file that passed every check, in file order: a version 1 file is one B2C
 * tenant. Defaults are applied and clear-text passwords hashed (all users at once; each hash runs
 * on the libuv pool). User fields are copied one by one, never spread, so a clear-text `password`
 * cannot reach the model.
 */
export function buildTenants(
  file: AnyTenantFile,
  hashPassword: PasswordHashFunction,
): Promise<Tenant[]> {
  const entries = 'tenants' in file ? file.tenants : [file];
  return Promise.all(
    entries.map((entry) =>
      entry.kind === 'external-id'
        ? buildExternalIdTenant(entry, hashPassword)
        : buildB2CTenant(entry, hashPassword),
    ),
  );
}

async function buildB2CTenant(
  file: TenantFile,
  hashPassword: PasswordHashFunction,
): Promise<B2CTenant> {
  const users = await Promise.all(
    file.users.map((user) => buildUser(user, file.tenant.name, hashPassword)),
  );
  return {
    kind: 'b2c',
    name: file.tenant.name,
    id: file.tenant.id,
    userFlows: file.userFlows.map(buildUserFlow),
    applications: file.applications.map(buildApplication),
    users,
    identityProtection: { ...DEFAULT_IDENTITY_PROTECTION, ...file.identityProtection },
    refreshTokens: { ...DEFAULT_REFRESH_TOKENS, ...file.refreshTokens },
    allowOutOfRangeLifetimes: file.allowOutOfRangeLifetimes ?? false,
  };
}

function buildUserFlow(flow: TenantFileUserFlow): UserFlow {
  return {
    name: flow.name,
    type: flow.type,
    applicationClaims: [...flow.applicationClaims],
    policyClaim: flow.policyClaim ?? USER_FLOW_DEFAULTS.policyClaim,
    issuerStyle: flow.issuerStyle ?? USER_FLOW_DEFAULTS.issuerStyle,
    subjectClaim: flow.subjectClaim ?? USER_FLOW_DEFAULTS.subjectClaim,
    lifetimes: { ...DEFAULT_LIFETIMES, ...flow.lifetimes },
    expiresInAsString: flow.expiresInAsString ?? USER_FLOW_DEFAULTS.expiresInAsString,
  };
}

/** What an application registration is in every kind of tenant. */
function directoryApplication(
  application: TenantFileApplication | TenantFileExternalIdApplication,
): Omit<Application, 'implicitFlowAllowed' | 'ropcEnabled' | 'nativeAuthEnabled'> {
  return {
    id: application.id,
    name: application.name,
    publicClient: application.publicClient ?? APPLICATION_DEFAULTS.publicClient,
    ...(application.identifierUri === undefined
      ? {}
      : { identifierUri: application.identifierUri }),
    exposedScopes: (application.exposedScopes ?? []).map((value) => ({ value })),
    grantedScopes: [...(application.grantedScopes ?? [])],
    enabled: application.enabled ?? APPLICATION_DEFAULTS.enabled,
  };
}

function buildApplication(application: TenantFileApplication): Application {
  return {
    ...directoryApplication(application),
    implicitFlowAllowed:
      application.implicitFlowAllowed ?? APPLICATION_DEFAULTS.implicitFlowAllowed,
    ropcEnabled: application.ropcEnabled ?? APPLICATION_DEFAULTS.ropcEnabled,
    nativeAuthEnabled: false,
  };
}

async function buildExternalIdTenant(
  file: TenantFileExternalIdTenant,
  hashPassword: PasswordHashFunction,
): Promise<ExternalIdTenant> {
  const users = await Promise.all(
    file.users.map((user) => buildUser(user, file.tenant.name, hashPassword)),
  );
  return {
    kind: 'external-id',
    name: file.tenant.name,
    id: file.tenant.id,
    userFlows: file.userFlows.map(buildExternalIdUserFlow),
    applications: file.applications.map(buildExternalIdApplication),
    users,
    identityProtection: { ...DEFAULT_IDENTITY_PROTECTION, ...file.identityProtection },
    // External ID keeps a redeemed refresh token valid until it expires (§8).
    refreshTokens: { ...DEFAULT_REFRESH_TOKENS, reuseDetection: false, ...file.refreshTokens },
    allowOutOfRangeLifetimes: file.allowOutOfRangeLifetimes ?? false,
    lifetimes: { ...EXTERNAL_ID_LIFETIME_DEFAULTS, ...file.lifetimes },
    fidelity: { ...EXTERNAL_ID_FIDELITY_DEFAULTS, ...file.fidelity },
  };
}

function buildExternalIdUserFlow(flow: TenantFileExternalIdUserFlow): ExternalIdUserFlow {
  return {
    name: flow.name,
    signInMethod: flow.signInMethod,
    signUpEnabled: flow.signUpEnabled ?? true,
    attributes: (flow.attributes ?? []).map((attribute) => ({
      name: attribute.name,
      required: attribute.required ?? false,
    })),
  };
}

function buildExternalIdApplication(application: TenantFileExternalIdApplication): Application {
  return {
    ...directoryApplication(application),
    implicitFlowAllowed: false,
    ropcEnabled: false,
    nativeAuthEnabled: application.nativeAuthEnabled ?? true,
    ...(application.userFlow === undefined ? {} : { userFlow: application.userFlow }),
  };
}

async function buildUser(
  user: TenantFileExternalIdUser,
  tenantName: string,
  hashPassword: PasswordHashFunction,
): Promise<TenantUser> {
  return {
    id: user.id,
    displayName: user.displayName,
    ...(user.givenName === undefined ? {} : { givenName: user.givenName }),
    ...(user.surname === undefined ? {} : { surname: user.surname }),
    identities: user.identities.map((identity) => ({
      signInType: identity.signInType,
      issuer: identity.issuer ?? tenantName,
      issuerAssignedId: identity.issuerAssignedId,
    })),
    ...(await passwordHashOf(user, hashPassword)),
    accountEnabled: user.accountEnabled ?? USER_DEFAULTS.accountEnabled,
    attributes: { ...user.attributes },
    ...(user.passwordPolicies === undefined ? {} : { passwordPolicies: user.passwordPolicies }),
    forceChangePasswordNextSignIn:
      user.forceChangePasswordNextSignIn ?? USER_DEFAULTS.forceChangePasswordNextSignIn,
  };
}

/** The user's hash: as written, or of the clear-text password; none for a code-only account. */
async function passwordHashOf(
  user: TenantFileExternalIdUser,
  hashPassword: PasswordHashFunction,
): Promise<{ passwordHash?: string }> {
  if (user.passwordHash !== undefined) return { passwordHash: user.passwordHash };
  if (user.password !== undefined) return { passwordHash: await hashPassword(user.password) };
  return {};
}

import type {
  TenantFile,
  TenantFileApplication,
  TenantFileEntry,
  TenantFileExternalIdApplication,
  TenantFileExternalIdTenant,
  TenantFileUser,
  TenantFileUserProfile,
  TenantFileUserFlow,
  TenantFileV2,
} from './tenant-file';
import type {
  Application,
  B2CTenant,
  ExternalIdTenant,
  IdentityProtection,
  Tenant,
  TenantUser,
} from './tenant-model';
import type { UserFlow } from '../b2c/user-flow';

/**
 * Writes tenants back as a version 2 tenant file that `parseTenantFile` accepts and that loads
 * into equal tenants: every setting spelled out (defaults included), users with their
 * `passwordHash` (never a password). `usersOf` gives a tenant's users, e.g. a user store's current
 * content; by default the tenant's own.
 */
export function exportTenants(
  tenants: readonly Tenant[],
  usersOf: (tenant: Tenant) => readonly TenantUser[] = (tenant) => tenant.users,
): TenantFileV2 {
  return {
    $schema: './tenant.schema.json',
    tenants: tenants.map((tenant) => exportTenant(tenant, usersOf(tenant))),
  };
}

function exportTenant(tenant: Tenant, users: readonly TenantUser[]): TenantFileEntry {
  return tenant.kind === 'external-id'
    ? exportExternalIdTenant(tenant, users)
    : exportB2CTenant(tenant, users);
}

function exportB2CTenant(tenant: B2CTenant, users: readonly TenantUser[]): TenantFile {
  return {
    kind: 'b2c',
    tenant: { name: tenant.name, id: tenant.id },
    allowOutOfRangeLifetimes: tenant.allowOutOfRangeLifetimes,
    userFlows: tenant.userFlows.map(exportUserFlow),
    applications: tenant.applications.map(exportApplication),
    users: users.map(exportB2CUser),
    identityProtection: exportIdentityProtection(tenant.identityProtection),
    refreshTokens: { ...tenant.refreshTokens },
  };
}

function exportExternalIdTenant(
  tenant: ExternalIdTenant,
  users: readonly TenantUser[],
): TenantFileExternalIdTenant {
  return {
    kind: 'external-id',
    tenant: { name: tenant.name, id: tenant.id },
    allowOutOfRangeLifetimes: tenant.allowOutOfRangeLifetimes,
    userFlows: tenant.userFlows.map((flow) => ({
      name: flow.name,
      signInMethod: flow.signInMethod,
      signUpEnabled: flow.signUpEnabled,
      attributes: flow.attributes.map(({ name, required }) => ({ name, required })),
    })),
    applications: tenant.applications.map(exportExternalIdApplication),
    users: users.map(exportUser),
    lifetimes: { ...tenant.lifetimes },
    identityProtection: exportIdentityProtection(tenant.identityProtection),
    refreshTokens: { ...tenant.refreshTokens },
    fidelity: { ...tenant.fidelity },
  };
}

function exportIdentityProtection(settings: IdentityProtection): IdentityProtection {
  return {
    ...settings,
    ipRequestLimit: settings.ipRequestLimit && { ...settings.ipRequestLimit },
    tenantRequestLimit: settings.tenantRequestLimit && { ...settings.tenantRequestLimit },
  };
}

function exportExternalIdApplication(application: Application): TenantFileExternalIdApplication {
  return {
    ...exportDirectoryApplication(application),
    nativeAuthEnabled: application.nativeAuthEnabled,
    ...(application.userFlow === undefined ? {} : { userFlow: application.userFlow }),
  };
}

function exportUserFlow(flow: UserFlow): TenantFileUserFlow {
  return {
    name: flow.name,
    type: flow.type,
    applicationClaims: [...flow.applicationClaims],
    policyClaim: flow.policyClaim,
    issuerStyle: flow.issuerStyle,
    subjectClaim: flow.subjectClaim,
    lifetimes: { ...flow.lifetimes },
    expiresInAsString: flow.expiresInAsString,
  };
}

/** What the file says of an application in every kind of tenant. */
function exportDirectoryApplication(application: Application) {
  return {
    id: application.id,
    name: application.name,
    publicClient: application.publicClient,
    ...(application.identifierUri === undefined
      ? {}
      : { identifierUri: application.identifierUri }),
    exposedScopes: application.exposedScopes.map((scope) => scope.value),
    grantedScopes: [...application.grantedScopes],
    enabled: application.enabled,
  };
}

function exportApplication(application: Application): TenantFileApplication {
  return {
    ...exportDirectoryApplication(application),
    implicitFlowAllowed: application.implicitFlowAllowed,
    ropcEnabled: application.ropcEnabled,
  };
}

/** A B2C user always has a password (the file and Graph's create require one). */
function exportB2CUser(user: TenantUser): TenantFileUser {
  const { passwordHash, ...profile } = exportUser(user);
  if (passwordHash === undefined) throw new TypeError(`B2C user ${user.id} has no password hash`);
  return { ...profile, passwordHash };
}

/**
 * Copies the fields the file format knows, so extra fields of a stored user stay behind; a
 * code-only user (External ID) has no `passwordHash`.
 */
function exportUser(user: TenantUser): TenantFileUserProfile & { readonly passwordHash?: string } {
  return {
    id: user.id,
    displayName: user.displayName,
    ...(user.givenName === undefined ? {} : { givenName: user.givenName }),
    ...(user.surname === undefined ? {} : { surname: user.surname }),
    identities: user.identities.map(({ signInType, issuer, issuerAssignedId }) => ({
      signInType,
      issuer,
      issuerAssignedId,
    })),
    ...(user.passwordHash === undefined ? {} : { passwordHash: user.passwordHash }),
    accountEnabled: user.accountEnabled,
    attributes: { ...user.attributes },
    ...(user.passwordPolicies === undefined ? {} : { passwordPolicies: user.passwordPolicies }),
    forceChangePasswordNextSignIn: user.forceChangePasswordNextSignIn,
  };
}

import type {
  TenantFile,
  TenantFileApplication,
  TenantFileUser,
  TenantFileUserFlow,
} from './tenant-file';
import type { Application, Tenant, TenantUser } from './tenant-model';
import type { UserFlow } from '../b2c/user-flow';

/**
 * Writes a tenant back as a tenant file that {@link parseTenantFile} accepts and that loads into an
 * equal tenant: every setting spelled out (defaults included), users with their `passwordHash`
 * (never a password). `users` replaces the tenant's own, e.g. with a user store's current content.
 */
export function exportTenant(
  tenant: Tenant,
  users: readonly TenantUser[] = tenant.users,
): TenantFile {
  return {
    $schema: './tenant.schema.json',
    tenant: { name: tenant.name, id: tenant.id },
    allowOutOfRangeLifetimes: tenant.allowOutOfRangeLifetimes,
    userFlows: tenant.userFlows.map(exportUserFlow),
    applications: tenant.applications.map(exportApplication),
    users: users.map(exportUser),
    identityProtection: {
      ...tenant.identityProtection,
      ipRequestLimit: tenant.identityProtection.ipRequestLimit && {
        ...tenant.identityProtection.ipRequestLimit,
      },
      tenantRequestLimit: tenant.identityProtection.tenantRequestLimit && {
        ...tenant.identityProtection.tenantRequestLimit,
      },
    },
    refreshTokens: { ...tenant.refreshTokens },
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

function exportApplication(application: Application): TenantFileApplication {
  return {
    id: application.id,
    name: application.name,
    publicClient: application.publicClient,
    implicitFlowAllowed: application.implicitFlowAllowed,
    ropcEnabled: application.ropcEnabled,
    ...(application.identifierUri === undefined
      ? {}
      : { identifierUri: application.identifierUri }),
    exposedScopes: application.exposedScopes.map((scope) => scope.value),
    grantedScopes: [...application.grantedScopes],
    enabled: application.enabled,
  };
}

/** Copies the fields the file format knows, so extra fields of a stored user stay behind. */
function exportUser(user: TenantUser): TenantFileUser {
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
    passwordHash: user.passwordHash,
    accountEnabled: user.accountEnabled,
    attributes: { ...user.attributes },
    ...(user.passwordPolicies === undefined ? {} : { passwordPolicies: user.passwordPolicies }),
    forceChangePasswordNextSignIn: user.forceChangePasswordNextSignIn,
  };
}

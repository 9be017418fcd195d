#!/usr/bin/env node
/**
 * `b2c-emulator`: runs the emulator Functions app standalone on the local Functions host, taking
 * the flags of docs/architecture.md (a flag wins over its environment variable). Prints the
 * policies, the endpoint URLs and the development users on start.
 */
import { startFunctionsHost } from '@ropc/functions-host';
import { buildEndpointUrl } from '@ropc/protocol';
import { buildNativeAuthDiscoveryUrl, buildNativeAuthJwksUrl } from '@ropc/protocol/native-auth';
import { describeStorage } from '@ropc/table-storage';
import { ConfigError, flagsToEnv, loadConfig, type EmulatorConfig } from './config';
import { loadConfiguredTenants } from './emulator-instance';
import { ensureHttpsCertificate } from './https-certificate';
import type { B2CTenant, ExternalIdTenant, Tenant } from './tenant/tenant-model';

const USAGE =
  'usage: b2c-emulator [--port N] [--https-port N] [--public-url URL] [--tenant FILE] [--data-dir DIR]\n' +
  '                    [--cors strict|permissive] [--admin-key KEY] [--trusted-hops N]\n' +
  '                    [--storage CONNECTION_STRING] [--storage-timeout-ms MS]\n' +
  '                    [--key-rollover-seconds N] [--log-codes on|off]';

/** The lines describing one B2C tenant: its policies' endpoints and development users. */
function b2cLines(tenant: B2CTenant, base: string): string[] {
  const lines = [`  Azure AD B2C tenant ${tenant.name} (${tenant.id})`];
  for (const flow of tenant.userFlows) {
    const at = { origin: base, tenant: tenant.name, policy: flow.name };
    lines.push(`    policy ${flow.name}`);
    lines.push(`      discovery ${buildEndpointUrl({ ...at, kind: 'discovery' })}`);
    lines.push(`      token     ${buildEndpointUrl({ ...at, kind: 'token' })}`);
    lines.push(`      jwks      ${buildEndpointUrl({ ...at, kind: 'jwks' })}`);
  }
  lines.push(`    users: ${signInNames(tenant).join(', ')} (passwords as in the tenant file)`);
  return lines;
}

/** The lines describing one External ID tenant: native-auth endpoints, apps and users. */
function externalIdLines(tenant: ExternalIdTenant, base: string): string[] {
  const tenantBase = `${base}/${tenant.name}/`;
  const lines = [
    `  Entra External ID tenant ${tenant.name} (${tenant.id}): native authentication`,
    `    base      ${tenantBase} (MSAL's customAuth.authApiProxyUrl; the authority is https://${tenant.name.split('.')[0] ?? ''}.ciamlogin.com/)`,
    `    sign-in   ${tenantBase}oauth2/v2.0/initiate, …/challenge, …/token`,
    `    sign-up   ${tenantBase}signup/v1.0/start, …/challenge, …/continue`,
    `    reset     ${tenantBase}resetpassword/v1.0/start, …/challenge, …/continue, …/submit, …/poll_completion`,
    `    discovery ${buildNativeAuthDiscoveryUrl(tenantBase)}`,
    `    jwks      ${buildNativeAuthJwksUrl(tenantBase)}`,
  ];
  for (const application of tenant.applications.filter((app) => app.userFlow !== undefined))
    lines.push(
      `    app ${application.name} ${application.id} (user flow ${application.userFlow ?? ''})`,
    );
  const users = tenant.users.flatMap((user) =>
    user.identities.map(
      (identity) =>
        `${identity.issuerAssignedId}${user.passwordHash === undefined ? ' (e-mail code only)' : ''}`,
    ),
  );
  lines.push(`    users: ${users.join(', ')}; codes: GET ${base}/.emulator/outbox?to={address}`);
  return lines;
}

function signInNames(tenant: Tenant): string[] {
  return tenant.users.flatMap((user) =>
    user.identities.map((identity) => identity.issuerAssignedId),
  );
}

async function banner(
  config: EmulatorConfig,
  url: string,
  httpsUrl: string | undefined,
): Promise<string> {
  const tenants = await loadConfiguredTenants(config.tenantFile);
  const base = config.publicUrl ?? url.replace('127.0.0.1', 'localhost');
  const lines = [
    `Azure AD B2C and Entra External ID emulator for ${tenants.map((tenant) => tenant.name).join(', ')} on ${base}`,
  ];
  if (httpsUrl) lines.push(`  HTTPS: ${httpsUrl.replace('127.0.0.1', 'localhost')}`);
  for (const tenant of tenants)
    lines.push(...(tenant.kind === 'b2c' ? b2cLines(tenant, base) : externalIdLines(tenant, base)));
  lines.push(
    config.storageConnectionString === undefined
      ? '  state: in memory (set STORAGE_CONNECTION_STRING to share it between instances)'
      : `  state: Azure Table storage at ${describeStorage(config.storageConnectionString)} (the tenant file seeds only an empty store)`,
  );
  lines.push(`  one-time codes on this log: ${config.logCodes ? 'on' : 'off (--log-codes on)'}`);
  lines.push(
    `  admin API: ${config.adminKey ? 'on' : 'off (set --admin-key)'}; CORS: ${config.cors}`,
  );
  return lines.join('\n');
}

async function main(): Promise<void> {
  const { env, unknown } = flagsToEnv(process.argv.slice(2));
  if (unknown.length > 0)
    throw new ConfigError([`unknown or incomplete flags: ${unknown.join(' ')}`, USAGE]);
  Object.assign(process.env, env);
  const config = loadConfig();
  const certificate =
    config.httpsPort === undefined ? undefined : await ensureHttpsCertificate(config.dataDir);
  const host = await startFunctionsHost({
    appDir: __dirname,
    port: config.port,
    quiet: process.env['B2C_EMULATOR_QUIET'] === '1',
    ...(certificate && config.httpsPort !== undefined
      ? { https: { port: config.httpsPort, key: certificate.key, cert: certificate.cert } }
      : {}),
  });
  console.log(await banner(config, host.url, host.httpsUrl));
  if (certificate)
    console.log(`  certificate: ${certificate.certPath} (use NODE_EXTRA_CA_CERTS to trust it)`);
  const stop = (): void => {
    void host.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop).once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});

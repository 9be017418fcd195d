import { ADMIN_PATHS, ADMIN_RESPONSES } from './admin-paths';
import { ADMIN_SCHEMAS } from './admin-schemas';
import { B2C_PATHS } from './b2c-paths';
import { B2C_SCHEMAS } from './b2c-schemas';
import { CONSOLE_PATHS, CONSOLE_SCHEMAS } from './console-paths';
import { EMULATOR_HEADERS } from './emulator-headers';
import { GRAPH_USERS_PATHS } from './graph-users-paths';
import { NATIVE_AUTH_PATHS, NATIVE_ERROR_RESPONSES } from './native-auth-paths';
import { NATIVE_AUTH_SCHEMAS } from './native-auth-schemas';
import { SHARED_PATHS } from './shared-paths';
import { B2C_TOKEN_ERROR_RESPONSES } from './token-operations';

/** `{ '400': x }` as `{ [prefix + '400']: x }`: component names for responses by status. */
const prefixed = (prefix: string, responses: Readonly<Record<string, unknown>>) =>
  Object.fromEntries(
    Object.entries(responses).map(([status, value]) => [`${prefix}${status}`, value]),
  );

/**
 * The emulator's OpenAPI 3.1 description, assembled from one module per path group; `origin` (the
 * origin the request came to) is its one server. The integration tests check every response they
 * receive against the document the running emulator serves, so it cannot drift from the code.
 */
export function emulatorOpenApiDocument(origin: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'b2c-emulator',
      version: '1.0.0',
      description:
        'A local Azure AD B2C tenant (ROPC token endpoint, discovery, keys) and Entra External ID ' +
        "tenant (native authentication), with a Graph-shaped users API and the emulator's admin " +
        'routes.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: origin, description: 'The origin this document was fetched from.' }],
    tags: [
      { name: 'B2C token', description: "B2C's ROPC token endpoint." },
      { name: 'B2C metadata', description: 'Discovery and signing keys.' },
      { name: 'External ID native auth', description: 'Native authentication (V1).' },
      { name: 'Graph users', description: 'Microsoft Graph-shaped users, behind the admin key.' },
      { name: 'admin', description: "The emulator's own routes." },
      { name: 'console', description: 'The emulator console page and the admin routes it reads.' },
      { name: 'meta', description: 'This description.' },
    ],
    paths: {
      ...B2C_PATHS,
      ...SHARED_PATHS,
      ...NATIVE_AUTH_PATHS,
      ...GRAPH_USERS_PATHS,
      ...ADMIN_PATHS,
      ...CONSOLE_PATHS,
    },
    components: {
      securitySchemes: {
        adminKey: {
          type: 'http',
          scheme: 'bearer',
          description: 'The admin key (B2C_EMULATOR_ADMIN_KEY) as a bearer credential.',
        },
      },
      schemas: { ...B2C_SCHEMAS, ...NATIVE_AUTH_SCHEMAS, ...ADMIN_SCHEMAS, ...CONSOLE_SCHEMAS },
      headers: EMULATOR_HEADERS,
      responses: {
        ...ADMIN_RESPONSES,
        ...prefixed('B2CToken', B2C_TOKEN_ERROR_RESPONSES),
        ...prefixed('Native', NATIVE_ERROR_RESPONSES),
      },
    },
  };
}

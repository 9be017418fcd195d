import { API_HEADERS } from './api-headers';
import { API_RESPONSES } from './api-responses';
import { API_SCHEMAS } from './api-schemas';
import { HEALTH_PATHS } from './health-paths';
import { ME_PATHS } from './me-paths';
import { NATIVE_PATHS } from './native-paths';
import { NOTES_PATHS } from './notes-paths';
import { OPENAPI_PATHS } from './openapi-paths';
import { PROXY_PATHS } from './proxy-paths';

/**
 * The API's OpenAPI 3.1 description, assembled from one module per path group. `origin` (the
 * origin the request came to) is its one server. The integration tests check every response
 * they receive against the document the running API serves, so it cannot drift from the code.
 */
export function apiOpenApiDocument(origin: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Notes API and sign-in proxy',
      version: '1.0.0',
      description:
        'The protected notes API (access tokens of Azure AD B2C or Entra External ID) and the ' +
        "browser sign-in proxy: B2C's password grant and External ID's native authentication " +
        'with the session in an HttpOnly cookie.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: origin, description: 'The origin this document was fetched from.' }],
    tags: [
      { name: 'health', description: 'Liveness for load balancers.' },
      { name: 'me', description: 'The caller.' },
      { name: 'notes', description: "The caller's notes." },
      { name: 'sign-in proxy', description: 'B2C sign-in with the session in a cookie.' },
      { name: 'native-auth proxy', description: "External ID's native authentication." },
      { name: 'meta', description: 'This description.' },
    ],
    paths: {
      ...HEALTH_PATHS,
      ...ME_PATHS,
      ...NOTES_PATHS,
      ...PROXY_PATHS,
      ...NATIVE_PATHS,
      ...OPENAPI_PATHS,
    },
    components: {
      securitySchemes: {
        bearerToken: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            'An access token of a configured authority (B2C or External ID) for API_AUDIENCE; ' +
            'the notes need `notes.read` or `notes.write` in `scp`.',
        },
        csrfHeader: {
          type: 'apiKey',
          in: 'header',
          name: 'X-Requested-With',
          description:
            'Must be `XMLHttpRequest` (a header a cross-site form cannot send), and an `Origin`, ' +
            'when sent, must be in AUTH_ALLOWED_ORIGINS.',
        },
        sessionCookie: {
          type: 'apiKey',
          in: 'cookie',
          name: 'ropc_session',
          description:
            'The sealed session the proxy set (HttpOnly, SameSite=Strict, Path=/api/auth).',
        },
      },
      schemas: API_SCHEMAS,
      headers: API_HEADERS,
      responses: API_RESPONSES,
    },
  };
}

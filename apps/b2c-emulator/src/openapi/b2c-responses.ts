import { headerRef, schemaRef } from './emulator-refs';

type Headers = Readonly<Record<string, unknown>>;

/** The headers of every token-endpoint JSON answer, as B2C sends them. */
export const TOKEN_HEADERS = {
  'Cache-Control': headerRef('NoStore'),
  Pragma: headerRef('PragmaNoCache'),
  'Access-Control-Allow-Origin': headerRef('AllowOriginMaybe'),
} as const;

/** A B2C error answer of the token endpoint. */
export function b2cTokenError(description: string, headers: Headers = {}) {
  return {
    description,
    headers: { ...TOKEN_HEADERS, ...headers },
    content: { 'application/json': { schema: schemaRef('B2CError') } },
  };
}

/** The CORS preflight answer (only with `--cors permissive` for the token endpoint). */
export const PREFLIGHT = {
  description:
    'A CORS preflight (`Access-Control-Request-Method` sent) the endpoint allows: no body.',
  headers: {
    'Access-Control-Allow-Origin': {
      required: true,
      description: '`*` for metadata; the Origin for the token endpoint in permissive mode.',
      schema: { type: 'string' },
    },
    'Access-Control-Allow-Methods': { required: true, schema: { type: 'string' } },
  },
} as const;

/** The metadata endpoints' 404 for an unknown tenant or policy (AADB2C90066). */
export const METADATA_NOT_FOUND = {
  description: 'No such tenant or policy (AADB2C90066); an External ID key set: an empty 404.',
  content: { 'application/json': { schema: schemaRef('B2CError') } },
} as const;

/** The metadata endpoints' storage-failure answer (AADB2C90035). */
export const METADATA_UNAVAILABLE = {
  description: 'The state storage is failing (AADB2C90035, `temporarily_unavailable`).',
  headers: { 'Retry-After': headerRef('RetryAfter') },
  content: { 'application/json': { schema: schemaRef('B2CError') } },
} as const;

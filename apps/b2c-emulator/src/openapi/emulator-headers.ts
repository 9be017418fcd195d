/** The response headers the emulator's description names (`#/components/headers/...`). */
export const EMULATOR_HEADERS = {
  NoStore: {
    description: 'Never cached.',
    required: true,
    schema: { type: 'string', const: 'no-store' },
  },
  PragmaNoCache: {
    description: 'As B2C and Entra send it.',
    required: true,
    schema: { type: 'string', const: 'no-cache' },
  },
  RetryAfter: {
    description: 'Seconds to wait before trying again.',
    required: true,
    schema: { type: 'string', pattern: '^[0-9]+$' },
  },
  RetryAfterMaybe: {
    description:
      'Seconds until a lockout or a limit ends, on those refusals (an extension B2C does not send).',
    schema: { type: 'string', pattern: '^[0-9]+$' },
  },
  MetadataCache: {
    description: 'Discovery is cacheable for an hour, keys for five minutes.',
    required: true,
    schema: { type: 'string', pattern: '^public, max-age=[0-9]+$' },
  },
  AllowAnyOrigin: {
    description: 'Metadata answers cross-origin in every CORS mode.',
    required: true,
    schema: { type: 'string', const: '*' },
  },
  AllowOriginMaybe: {
    description: "With `--cors permissive`, the request's Origin.",
    schema: { type: 'string' },
  },
  MsRequestId: {
    description: "The answer's id; an error's `trace_id`.",
    required: true,
    schema: { type: 'string', format: 'uuid' },
  },
  MsRequestIdMaybe: {
    description: "The answer's id (External ID tenants' answers only).",
    schema: { type: 'string', format: 'uuid' },
  },
  AdminChallenge: {
    description: 'The admin key is a bearer credential.',
    required: true,
    schema: { type: 'string', const: 'Bearer realm="b2c-emulator"' },
  },
  UserLocation: {
    description: "The new user's URL.",
    required: true,
    schema: { type: 'string', format: 'uri' },
  },
} as const;

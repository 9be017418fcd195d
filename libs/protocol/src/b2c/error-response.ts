import { B2C_ERROR_CLASSES, isKnownB2CErrorCode, type B2CErrorClass } from './b2c-error-classes';

/**
 * Reading B2C's error answers. B2C's `error_description` holds three lines joined by `\r\n` plus a
 * trailing `\r\n`: `AADB2Cxxxxx: message`, `Correlation ID: guid`, `Timestamp: yyyy-MM-dd
 * HH:mm:ssZ` (docs/b2c-ropc-protocol.md §4.1). The body's shape itself is OAuth's
 * (oauth/error-response-body.ts).
 */

/** The parts of a B2C `error_description`. Fields that are absent stay undefined. */
export interface ParsedErrorDescription {
  /** `AADB2C90225` and the like; undefined when the description carries no code. */
  readonly code?: string;
  /** The first line without its code prefix. */
  readonly message: string;
  readonly correlationId?: string;
  /** As written by B2C (`2019-01-30 13:35:09Z`). */
  readonly timestamp?: string;
}

const CODE_PATTERN = /^(AADB2C\d+)\s*:\s*/;
const CORRELATION_PATTERN = /^Correlation ID:\s*(\S+)/i;
const TIMESTAMP_PATTERN = /^Timestamp:\s*(.+?)\s*$/i;

/** Splits a B2C `error_description` into its code, message, correlation id and timestamp. */
export function parseErrorDescription(description: string): ParsedErrorDescription {
  const lines = description.split(/\r?\n/).filter((line) => line.trim() !== '');
  const first = lines[0] ?? '';
  const codeMatch = CODE_PATTERN.exec(first);
  let correlationId: string | undefined;
  let timestamp: string | undefined;
  for (const line of lines.slice(1)) {
    correlationId ??= CORRELATION_PATTERN.exec(line)?.[1];
    timestamp ??= TIMESTAMP_PATTERN.exec(line)?.[1];
  }
  return {
    ...(codeMatch ? { code: codeMatch[1] } : {}),
    message: codeMatch ? first.slice(codeMatch[0].length) : first,
    ...(correlationId ? { correlationId } : {}),
    ...(timestamp ? { timestamp } : {}),
  };
}

const CLASS_BY_ERROR: Readonly<Record<string, B2CErrorClass>> = {
  invalid_grant: 'grant_expired_or_revoked',
  invalid_client: 'invalid_client',
  unauthorized_client: 'invalid_client',
  invalid_scope: 'invalid_scope',
  invalid_request: 'invalid_request',
  unsupported_grant_type: 'invalid_request',
  unsupported_response_type: 'invalid_request',
  interaction_required: 'interaction_required',
  server_error: 'server_error',
  temporarily_unavailable: 'server_error',
};

/**
 * Classifies an error answer: by its AADB2C code when the code is known, otherwise by the OAuth
 * `error` value; `access_denied` without a known code is read as refused credentials.
 */
export function classifyError(error: string, code: string | undefined): B2CErrorClass {
  if (code !== undefined && isKnownB2CErrorCode(code)) return B2C_ERROR_CLASSES[code];
  if (error === 'access_denied') return 'invalid_credentials';
  return CLASS_BY_ERROR[error] ?? 'server_error';
}

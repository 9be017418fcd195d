import type { HttpResponseInit } from '@azure/functions';
import { ADMIN_JSON_HEADERS } from './admin-error';

/** The top-level Microsoft Graph error codes the users API answers with. */
export type GraphErrorCode =
  'Request_BadRequest' | 'Request_ResourceNotFound' | 'Request_UnsupportedQuery';

/**
 * What is wrong with the property a detail names. `ObjectConflict` is Graph's own code for a
 * duplicate; the others are the emulator's, chosen so a test can `switch` on them.
 */
export type GraphErrorDetailCode =
  | 'InvalidValue'
  | 'MissingProperty'
  | 'UnknownProperty'
  | 'ReadOnlyProperty'
  | 'PasswordComplexity'
  | 'ObjectConflict';

/** Names the offending property, e.g. `identities[0].issuerAssignedId`. */
export interface GraphErrorDetail {
  readonly code: GraphErrorDetailCode;
  readonly target: string;
}

/**
 * An answer in Microsoft Graph's error shape, thrown by the validation steps and turned into a
 * response at one edge (`graph-admin-route.ts`). Its message is public, so it is built from
 * property names only and never quotes a submitted value (a password may be in the wrong field).
 */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: GraphErrorCode,
    message: string,
    readonly detail?: GraphErrorDetail,
  ) {
    super(message);
    this.name = 'GraphError';
  }
}

/** Graph's `{ "error": { "code", "message", "details"? } }` body (no `innerError`). */
export function graphErrorResponse(error: GraphError): HttpResponseInit {
  const details = error.detail === undefined ? {} : { details: [{ ...error.detail }] };
  return {
    status: error.status,
    headers: { ...ADMIN_JSON_HEADERS },
    jsonBody: { error: { code: error.code, message: error.message, ...details } },
  };
}

/** A present value of the wrong type or form; `reason` says what it must be. */
export function invalidValue(target: string, reason: string): GraphError {
  return new GraphError(
    400,
    'Request_BadRequest',
    `Invalid value specified for property '${target}' of resource 'User': ${reason}.`,
    { code: 'InvalidValue', target },
  );
}

/** Graph's wording for a required property that is absent, null or empty. */
export function missingProperty(target: string): GraphError {
  return new GraphError(
    400,
    'Request_BadRequest',
    `Property ${target} value is required but is empty or missing.`,
    { code: 'MissingProperty', target },
  );
}

/** A property the resource type does not have (or the emulator does not model). */
export function unknownProperty(target: string, type: string): GraphError {
  const shown = shorten(target);
  return new GraphError(
    400,
    'Request_BadRequest',
    `Property '${shown}' does not exist on type '${type}'.`,
    { code: 'UnknownProperty', target: shown },
  );
}

/** Graph's answer for an object id that no user has. */
export function userNotFound(id: string): GraphError {
  return new GraphError(
    404,
    'Request_ResourceNotFound',
    `Resource '${shorten(id)}' does not exist or one of its queried reference-property objects are not present.`,
  );
}

/** Names come from the client: keep an echoed one short enough to read. */
function shorten(text: string): string {
  return text.length > 100 ? `${text.slice(0, 100)}…` : text;
}

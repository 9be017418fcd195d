import { normaliseUsername } from '@ropc/identity-protection';
import type { FlowData, FlowKind, NewFlow } from './flow-state-store';

/**
 * The largest flow a store keeps, as UTF-8 JSON: room for a sign-up's attributes (at most 8,192
 * characters, docs/entra-native-auth-protocol.md §9) and a one-time code, and well inside one
 * Table storage property once sealed (64 KiB).
 */
export const MAX_FLOW_STATE_BYTES = 16_384;

/** How deep flow data may nest: far more than a kind needs, few enough to walk without worry. */
const MAX_DATA_DEPTH = 16;

const FLOW_KINDS: readonly FlowKind[] = ['sign-in', 'sign-up', 'password-reset'];
const STEP_NAME = /^[a-z][a-z0-9_-]{0,63}$/;

/**
 * The flow as the JSON a store keeps, after checking it: every store keeps exactly what survives
 * JSON, so memory and tables behave alike. A flow outside the limits is the kind's bug, not a
 * client's input.
 * @throws {TypeError} naming the field at fault (never its value).
 */
export function serialiseFlow(flow: NewFlow): string {
  checkIdentifier('tenantId', flow.tenantId);
  checkIdentifier('clientId', flow.clientId);
  checkUser(flow);
  if (!FLOW_KINDS.includes(flow.flow)) throw new TypeError('flow: not a flow kind');
  if (!STEP_NAME.test(flow.step)) throw new TypeError('step: not a step name');
  if (!isJsonObject(flow.data, 0)) throw new TypeError('data: not a JSON object');
  const { tenantId, clientId, user, step, data } = flow;
  const json = JSON.stringify({ tenantId, clientId, user, flow: flow.flow, step, data });
  if (Buffer.byteLength(json, 'utf8') > MAX_FLOW_STATE_BYTES) {
    throw new TypeError(`data: the flow is larger than ${MAX_FLOW_STATE_BYTES} bytes as JSON`);
  }
  return json;
}

/** The flow a store kept with {@link serialiseFlow}. */
export function parseFlow(json: string): NewFlow {
  return JSON.parse(json) as NewFlow;
}

/** The same flow with new data (and step), checked again. */
export function changeFlow(flow: NewFlow, data: FlowData, step = flow.step): string {
  const { tenantId, clientId, user } = flow;
  return serialiseFlow({ tenantId, clientId, user, flow: flow.flow, step, data });
}

function checkIdentifier(name: string, value: unknown): void {
  if (typeof value !== 'string' || value.length === 0 || value.length > 128) {
    throw new TypeError(`${name}: not an identifier`);
  }
}

function checkUser({ user }: NewFlow): void {
  if (user.kind === 'existing') {
    checkIdentifier('user.userId', user.userId);
    return;
  }
  // A new user has no id yet: the flow carries the name it will be created with, compared as
  // every username is (trimmed, NFC, lower case).
  const { username } = user;
  if (
    typeof username !== 'string' ||
    username.length === 0 ||
    username.length > 320 ||
    normaliseUsername(username) !== username
  ) {
    throw new TypeError('user.username: not a normalised username');
  }
}

function isJsonObject(value: unknown, depth: number): value is FlowData {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.values(value).every((item) => isJsonValue(item, depth + 1));
}

/** Only what JSON keeps as it is: no `undefined`, functions, NaN, dates or class instances. */
function isJsonValue(value: unknown, depth: number): boolean {
  if (depth > MAX_DATA_DEPTH) return false;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object':
      if (value === null) return true;
      if (Array.isArray(value)) return value.every((item) => isJsonValue(item, depth + 1));
      return isJsonObject(value, depth);
    default:
      return false;
  }
}

import { parseFlow } from './flow-state-limits';
import {
  FLOW_RETENTION_MS,
  FLOW_TOKEN_LIFETIME_MS,
  type FlowPosition,
  type FlowRead,
  type FlowState,
} from './flow-state-store';

/**
 * What a store keeps per token, whatever it keeps it in: the flow as JSON (none once the token is
 * spent: a spent token needs no data), and the times that decide its outcome. Both stores read it
 * with {@link readFlowRecord}, so they answer alike.
 */
export interface FlowRecord {
  /** The flow as `serialiseFlow` wrote it; undefined once spent (or unreadable). */
  readonly flow: string | undefined;
  readonly issuedAt: number;
  readonly tokenExpiresAt: number;
  readonly spentAt?: number;
}

/** The times of a token issued at `issuedAt`. */
export function issueTimes(issuedAt: number): { issuedAt: number; tokenExpiresAt: number } {
  return { issuedAt, tokenExpiresAt: issuedAt + FLOW_TOKEN_LIFETIME_MS };
}

/** When a store may forget a token: a fixed time after its lifetime, spent or not. */
export function flowRetainedUntil(record: Pick<FlowRecord, 'tokenExpiresAt'>): number {
  return record.tokenExpiresAt + FLOW_RETENTION_MS;
}

/**
 * The outcome of presenting a token whose record is `record` at `now`. A spent token reads as
 * spent even before its lifetime ends; a token past its lifetime reads as expired even if it
 * was never spent; a record with no readable flow reads as unknown.
 */
export function readFlowRecord(record: FlowRecord | undefined, now: number): FlowRead {
  if (!record || now >= flowRetainedUntil(record)) return { outcome: 'unknown' };
  if (record.spentAt !== undefined) return { outcome: 'spent' };
  if (now >= record.tokenExpiresAt) return { outcome: 'expired' };
  if (record.flow === undefined) return { outcome: 'unknown' };
  return { outcome: 'found', state: flowState(record.flow, record) };
}

/** The state behind a live token: the flow it was filed with, and the token's own times. */
export function flowState(
  flow: string,
  times: Pick<FlowRecord, 'issuedAt' | 'tokenExpiresAt'>,
): FlowState {
  return { ...parseFlow(flow), issuedAt: times.issuedAt, expiresAt: times.tokenExpiresAt };
}

/** Whether a state stands where a step expects it: the same flow and the same step. */
export function standsAt(state: FlowState, expected: FlowPosition): boolean {
  return state.flow === expected.flow && state.step === expected.step;
}

import type { Counter, Meter } from '@opentelemetry/api';
import { TELEMETRY_ATTRIBUTES as ATTR, type AuthorityKind } from '../telemetry-attributes';

/**
 * `ropc.lockouts`: lockouts the authority reported to the proxy (B2C's AADB2C90114, External ID's
 * AADSTS50053) — each one is an account an attacker, or its owner, ran out of attempts on.
 */
export class LockoutCounter {
  static readonly NAME = 'ropc.lockouts';
  private readonly counter: Counter;

  constructor(meter: Meter) {
    this.counter = meter.createCounter(LockoutCounter.NAME, {
      description: 'Account lockouts the authority reported to the proxy',
      unit: '{lockout}',
    });
  }

  record(kind: AuthorityKind): void {
    this.counter.add(1, { [ATTR.authorityKind]: kind });
  }
}

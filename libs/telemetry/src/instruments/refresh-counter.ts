import type { Counter, Meter } from '@opentelemetry/api';
import {
  TELEMETRY_ATTRIBUTES as ATTR,
  type AuthorityKind,
  type SignInOutcome,
} from '../telemetry-attributes';

/** `ropc.refreshes`: session refreshes through the proxies, by authority kind and outcome. */
export class RefreshCounter {
  static readonly NAME = 'ropc.refreshes';
  private readonly counter: Counter;

  constructor(meter: Meter) {
    this.counter = meter.createCounter(RefreshCounter.NAME, {
      description: 'Refreshes through the proxies, by authority kind and outcome',
      unit: '{refresh}',
    });
  }

  record(kind: AuthorityKind, outcome: SignInOutcome): void {
    this.counter.add(1, { [ATTR.authorityKind]: kind, [ATTR.outcome]: outcome });
  }
}

import type { Counter, Meter } from '@opentelemetry/api';
import {
  TELEMETRY_ATTRIBUTES as ATTR,
  type AuthorityKind,
  type SignInOutcome,
} from '../telemetry-attributes';

/** `ropc.sign_ins`: credential sign-ins through the proxies, by authority kind and outcome. */
export class SignInCounter {
  static readonly NAME = 'ropc.sign_ins';
  private readonly counter: Counter;

  constructor(meter: Meter) {
    this.counter = meter.createCounter(SignInCounter.NAME, {
      description: 'Sign-ins through the proxies, by authority kind and outcome',
      unit: '{sign-in}',
    });
  }

  record(kind: AuthorityKind, outcome: SignInOutcome): void {
    this.counter.add(1, { [ATTR.authorityKind]: kind, [ATTR.outcome]: outcome });
  }
}

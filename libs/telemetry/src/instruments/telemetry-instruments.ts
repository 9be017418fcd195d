import type { Meter } from '@opentelemetry/api';
import { LockoutCounter } from './lockout-counter';
import { RefreshCounter } from './refresh-counter';
import { RefusalCounter } from './refusal-counter';
import { SignInCounter } from './sign-in-counter';
import { TokenValidationInstruments } from './token-validation-instruments';
import { UpstreamInstruments } from './upstream-instruments';

/** Every instrument the apps record on, made from one meter. */
export interface TelemetryInstruments {
  readonly signIns: SignInCounter;
  readonly refreshes: RefreshCounter;
  readonly refusals: RefusalCounter;
  readonly lockouts: LockoutCounter;
  readonly upstream: UpstreamInstruments;
  readonly tokenValidation: TokenValidationInstruments;
}

export function createTelemetryInstruments(meter: Meter): TelemetryInstruments {
  return {
    signIns: new SignInCounter(meter),
    refreshes: new RefreshCounter(meter),
    refusals: new RefusalCounter(meter),
    lockouts: new LockoutCounter(meter),
    upstream: new UpstreamInstruments(meter),
    tokenValidation: new TokenValidationInstruments(meter),
  };
}

import type { TokenSet } from '@ropc/protocol';
import type { NativeAuthCalls } from './native-auth-calls';

/** What a native flow needs from the service that started it. */
export interface NativeFlowContext {
  readonly calls: NativeAuthCalls;
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  /** Starts the session with the tokens the flow's last step gets (`AuthSession.signInWith`). */
  readonly signInWith: (obtain: () => Promise<TokenSet>) => Promise<void>;
}

import type { Emulator } from '../../emulator';
import type { B2CTenant } from '../../tenant/tenant-model';
import type { TenantRuntime } from '../../tenant/tenant-runtime';
import type { UserFlow } from '../user-flow';

/** What a grant handler knows about the request besides its parameters. */
export interface TokenRequestContext {
  readonly emulator: Emulator;
  /** The B2C tenant the URL names. */
  readonly runtime: TenantRuntime<B2CTenant>;
  /** The user flow named by the URL. */
  readonly flow: UserFlow;
  /** The `iss` value for the request's host (or the pinned public URL). */
  readonly issuer: string;
  readonly clientIp: string;
  /** Epoch ms, read once per request from the emulator's clock. */
  readonly now: number;
}

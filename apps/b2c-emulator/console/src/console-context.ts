import type { AdminApi } from './admin-api';
import type { TenantSummary } from './api-types';
import type { StatusLine } from './status-line';

/** What every section of the console shares: the admin API, the status line, the tenant chosen. */
export interface ConsoleContext {
  readonly api: AdminApi;
  readonly status: StatusLine;
  /** The tenant the tenant-scoped sections show; undefined before the tenants have loaded. */
  chosenTenant(): TenantSummary | undefined;
}

/** A section that shows the chosen tenant (or the whole emulator) and can load it again. */
export interface ConsoleSection {
  refresh(): Promise<void>;
  /** Empties what it shows: the key was forgotten or refused. */
  clear(): void;
}

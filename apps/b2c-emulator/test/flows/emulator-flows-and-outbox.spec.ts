import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OffsetClock } from '../../src/clock';
import { loadConfig } from '../../src/config';
import { Emulator } from '../../src/emulator';
import { FLOW_RETENTION_MS, FLOW_TOKEN_LIFETIME_MS } from '../../src/flows/flow-state-store';
import { createMemoryStores } from '../../src/stores/memory-stores';
import { loadTenants } from '../../src/tenant/load-tenant';
import { TenantRuntime } from '../../src/tenant/tenant-runtime';
import { TEST_TENANT_FILE } from '../start-emulator';

const TENANT_ID = '7d3f2b9e-61c4-4e8a-b5d0-2c9a8f4e1b37';
const CLIENT_ID = 'c5a1e7d2-4b38-4f96-a0e3-9d1b6c2f8a45';

describe('the emulator with flows and an outbox', () => {
  let dataDir: string;
  let emulator: Emulator;
  let lines: string[];

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'b2c-emulator-flows-'));
    const config = loadConfig({ B2C_EMULATOR_DATA_DIR: dataDir }, dataDir);
    const clock = new OffsetClock();
    lines = [];
    const stores = createMemoryStores(config, clock);
    const runtimes = await Promise.all(
      (await loadTenants(TEST_TENANT_FILE)).map(
        async (tenant) =>
          new TenantRuntime(
            tenant,
            await stores.users(tenant.id, false),
            stores.signingKeys(tenant.id, false),
            stores,
            clock,
          ),
      ),
    );
    emulator = new Emulator(config, runtimes, stores, clock, (line) => {
      lines.push(line);
    });
  });

  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function startFlowAndSendCode(): Promise<string> {
    const { token } = await emulator.stores.flows.start({
      tenantId: TENANT_ID,
      clientId: CLIENT_ID,
      user: { kind: 'new', username: 'dana@contoso.com' },
      flow: 'sign-up',
      step: 'started',
      data: {},
    });
    await emulator.stores.outbox.deliver({
      to: 'dana@contoso.com',
      code: '12345678',
      purpose: 'sign-up',
      sentAt: emulator.clock.now(),
    });
    return token;
  }

  it('sweeps flow tokens and outbox messages on cleanup, and logs their counts', async () => {
    const token = await startFlowAndSendCode();
    await emulator.deleteExpired();
    expect(lines.at(-1)).toBe(
      'cleanup: deleted 0 refresh-grant, 0 lockout and 0 rate-counter entries, 0 flow-state entries and 0 outbox messages',
    );
    emulator.clock.setOffsetSeconds((FLOW_TOKEN_LIFETIME_MS + FLOW_RETENTION_MS) / 1000);
    expect(await emulator.deleteExpired()).toEqual({
      refreshGrants: 0,
      lockouts: 0,
      rateCounters: 0,
      flows: 1,
      outboxMessages: 1,
    });
    expect(lines.at(-1)).toBe(
      'cleanup: deleted 0 refresh-grant, 0 lockout and 0 rate-counter entries, 1 flow-state entries and 1 outbox messages',
    );
    emulator.clock.setOffsetSeconds(0);
    expect(await emulator.stores.flows.read(token)).toEqual({ outcome: 'unknown' });
    expect(await emulator.stores.outbox.list('dana@contoso.com')).toEqual([]);
  });

  it('forgets flows and empties the outbox when the tenants are replaced', async () => {
    const token = await startFlowAndSendCode();
    await emulator.replaceTenants(emulator.tenants.map((runtime) => runtime.tenant));
    expect(await emulator.stores.flows.read(token)).toEqual({ outcome: 'unknown' });
    expect(await emulator.stores.outbox.list('dana@contoso.com')).toEqual([]);
  });
});

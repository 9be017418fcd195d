import { ProxyMetrics } from './proxy-metrics';

const PERIOD_MS = 300_000;
const T0 = Date.UTC(2026, 11, 7, 12, 0, 0);

describe('ProxyMetrics', () => {
  it('counts upstream calls per 5-minute period and logs each period that had any', () => {
    let now = T0 + 1000;
    const lines: string[] = [];
    const metrics = new ProxyMetrics(
      (line) => lines.push(line),
      () => now,
    );
    for (let call = 0; call < 3; call++) metrics.upstreamCall();
    expect(metrics.snapshot()).toMatchObject({ upstreamCallsThisPeriod: 3 });
    now += PERIOD_MS;
    metrics.upstreamCall();
    expect(lines).toEqual([
      "sign-in proxy: 3 upstream calls in the 5 minutes from 2026-12-07T12:00:00.000Z (0.1 % of B2C's per-IP limit of 6000)",
    ]);
    expect(metrics.snapshot()).toMatchObject({
      upstreamCallsThisPeriod: 1,
      upstreamCallsLastPeriod: 3,
    });
  });

  it('warns once a period when the calls reach 80 % of the per-IP limit', () => {
    const lines: string[] = [];
    const metrics = new ProxyMetrics(
      (line) => lines.push(line),
      () => T0,
    );
    for (let call = 0; call < 5000; call++) metrics.upstreamCall();
    expect(lines).toEqual([
      "sign-in proxy: WARNING 4800 upstream calls in this 5-minute period, 80 % of B2C's per-IP limit of 6000",
    ]);
  });

  it('counts refusals by reason', () => {
    const metrics = new ProxyMetrics(
      () => undefined,
      () => T0,
    );
    metrics.refused('account_protected');
    metrics.refused('account_protected');
    metrics.refused('client_throttled');
    expect(metrics.snapshot()).toMatchObject({
      throttledByProxy: 3,
      refusals: { account_protected: 2, client_throttled: 1 },
    });
  });
});

import { parseTenantFile } from '../tenant/load-tenant';
import type { TenantFileProblem } from '../tenant/tenant-file-error';
import { isTenantFileError } from '../tenant/tenant-file-error';
import { onlyB2CTenant } from '../../test/tenant-kinds';

/** A one-user tenant whose user flow has `lifetimes`; hashing is stubbed, it is not under test. */
function fileWith(lifetimes: Record<string, unknown>, allowOutOfRangeLifetimes?: boolean): unknown {
  return {
    tenant: { name: 'contoso.onmicrosoft.com', id: '04fbcc13-aa6a-4630-aacc-9c6a9e838418' },
    ...(allowOutOfRangeLifetimes === undefined ? {} : { allowOutOfRangeLifetimes }),
    userFlows: [{ name: 'B2C_1_ROPC_Auth', type: 'ropc', applicationClaims: [], lifetimes }],
    applications: [],
    users: [],
  };
}

const SHORT = {
  accessTokenSeconds: 60,
  idTokenSeconds: 60,
  refreshTokenSeconds: 300,
  slidingWindowSeconds: 600,
};

async function problemsOf(json: unknown): Promise<readonly TenantFileProblem[]> {
  const error: unknown = await parseTenantFile(json).then(
    () => undefined,
    (reason: unknown) => reason,
  );
  return isTenantFileError(error) ? error.problems : [];
}

const outOfRange = (name: string, range: string): TenantFileProblem => ({
  path: `/userFlows/0/lifetimes/${name}`,
  message: `must be within B2C's range ${range} seconds (set allowOutOfRangeLifetimes to accept other values)`,
});

describe('checkLifetimes', () => {
  it("refuses lifetimes outside B2C's ranges", async () => {
    await expect(problemsOf(fileWith(SHORT))).resolves.toEqual([
      outOfRange('accessTokenSeconds', '300–86400'),
      outOfRange('idTokenSeconds', '300–86400'),
      outOfRange('refreshTokenSeconds', '86400–7776000'),
      outOfRange('slidingWindowSeconds', '86400–31536000'),
    ]);
  });

  it('refuses values above the ranges too', async () => {
    const lifetimes = { accessTokenSeconds: 86401, slidingWindowSeconds: 31536001 };

    await expect(problemsOf(fileWith(lifetimes))).resolves.toEqual([
      outOfRange('accessTokenSeconds', '300–86400'),
      outOfRange('slidingWindowSeconds', '86400–31536000'),
    ]);
  });

  it('accepts the same lifetimes with allowOutOfRangeLifetimes, warning once per value', async () => {
    const warnings: string[] = [];

    const tenant = onlyB2CTenant(
      await parseTenantFile(fileWith(SHORT, true), {
        onWarning: (message) => warnings.push(message),
      }),
    );

    expect(tenant.allowOutOfRangeLifetimes).toBe(true);
    expect(tenant.userFlows[0]?.lifetimes).toEqual(SHORT);
    expect(warnings).toEqual([
      "/userFlows/0/lifetimes/accessTokenSeconds is 60 seconds, outside B2C's range 300–86400 seconds; accepted because allowOutOfRangeLifetimes is true",
      "/userFlows/0/lifetimes/idTokenSeconds is 60 seconds, outside B2C's range 300–86400 seconds; accepted because allowOutOfRangeLifetimes is true",
      "/userFlows/0/lifetimes/refreshTokenSeconds is 300 seconds, outside B2C's range 86400–7776000 seconds; accepted because allowOutOfRangeLifetimes is true",
      "/userFlows/0/lifetimes/slidingWindowSeconds is 600 seconds, outside B2C's range 86400–31536000 seconds; accepted because allowOutOfRangeLifetimes is true",
    ]);
  });

  it('does not warn when the flag is set but every value is in range', async () => {
    const onWarning = jest.fn();

    await parseTenantFile(fileWith({}, true), { onWarning });

    expect(onWarning).not.toHaveBeenCalled();
  });

  it('still wants positive integers with the flag', async () => {
    const lifetimes = { accessTokenSeconds: 0, idTokenSeconds: 1.5, refreshTokenSeconds: '300' };

    await expect(problemsOf(fileWith(lifetimes, true))).resolves.toEqual([
      { path: '/userFlows/0/lifetimes/accessTokenSeconds', message: 'must be at least 1' },
      { path: '/userFlows/0/lifetimes/idTokenSeconds', message: 'must be of type "integer"' },
      { path: '/userFlows/0/lifetimes/refreshTokenSeconds', message: 'must be of type "integer"' },
    ]);
  });

  it('wants the sliding window at least as long as the refresh token, flag or not', async () => {
    const shorter = { refreshTokenSeconds: 600, slidingWindowSeconds: 300 };

    await expect(problemsOf(fileWith(shorter, true))).resolves.toEqual([
      {
        path: '/userFlows/0/lifetimes/slidingWindowSeconds',
        message: 'must be at least refreshTokenSeconds',
      },
    ]);
  });

  it('points at the refresh lifetime when it outgrows the default sliding window', async () => {
    await expect(problemsOf(fileWith({ refreshTokenSeconds: 7776001 }, true))).resolves.toEqual([
      {
        path: '/userFlows/0/lifetimes/refreshTokenSeconds',
        message: 'must not exceed slidingWindowSeconds (default 7776000)',
      },
    ]);
  });

  it('accepts any refresh lifetime with a "No expiry" sliding window', async () => {
    const tenant = onlyB2CTenant(
      await parseTenantFile(fileWith({ refreshTokenSeconds: 7776000, slidingWindowSeconds: null })),
    );

    expect(tenant.userFlows[0]?.lifetimes).toMatchObject({ slidingWindowSeconds: null });
  });
});

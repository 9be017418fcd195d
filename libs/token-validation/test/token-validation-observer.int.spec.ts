import { createTokenValidator } from '../src';
import { startHarness, type Harness } from './harness';

describe('createTokenValidator: the observer option', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness();
  });

  afterAll(() => harness.stop());

  it('is told of each cache lookup and each key-set fetch', async () => {
    const lookups: boolean[] = [];
    const fetches: boolean[] = [];
    const validator = harness.validator({
      observer: {
        cacheLookup: (hit) => lookups.push(hit),
        keySetFetched: (succeeded) => fetches.push(succeeded),
      },
    });
    const token = await harness.mint();
    await validator.validate(token);
    await validator.validate(token);
    expect(lookups).toEqual([false, true]);
    expect(fetches).toEqual([true]);
  });

  it('is told of a failed fetch', async () => {
    const fetches: boolean[] = [];
    const validator = harness.validator({
      fetch: () => Promise.reject(new TypeError('fetch failed')),
      observer: { keySetFetched: (succeeded) => fetches.push(succeeded) },
    });
    await expect(validator.validate(await harness.mint())).rejects.toMatchObject({
      code: 'ERR_METADATA_UNAVAILABLE',
    });
    expect(fetches).toEqual([false]);
  });

  it('never lets an observer that throws break a validation', async () => {
    const validator = harness.validator({
      observer: {
        cacheLookup: () => {
          throw new Error('observer failed');
        },
        keySetFetched: () => {
          throw new Error('observer failed');
        },
      },
    });
    const token = await harness.mint();
    await expect(validator.validate(token)).resolves.toMatchObject({ scopes: expect.any(Array) });
    await expect(validator.validate(token)).resolves.toMatchObject({ scopes: expect.any(Array) });
  });

  it('is told nothing of the cache when the cache is off', async () => {
    const lookups: boolean[] = [];
    const validator = harness.validator({
      cache: false,
      observer: { cacheLookup: (hit) => lookups.push(hit) },
    });
    await validator.validate(await harness.mint());
    expect(lookups).toEqual([]);
  });

  it('refuses an observer that is not an object of functions', () => {
    const base = { authorities: [harness.authority.authority()], audience: 'x' };
    expect(() => createTokenValidator({ ...base, observer: 'x' as never })).toThrow(
      'observer must be an object',
    );
    expect(() => createTokenValidator({ ...base, observer: { cacheLookup: 1 as never } })).toThrow(
      'observer.cacheLookup must be a function',
    );
  });
});

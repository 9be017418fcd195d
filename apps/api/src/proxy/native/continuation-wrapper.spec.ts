import { CompactEncrypt } from 'jose';
import {
  openContinuation,
  sealContinuation,
  type ContinuationWrapper,
} from './continuation-wrapper';

const keyOf = (fill: number) => new Uint8Array(32).fill(fill);
const RING = [
  { kid: 'new', key: keyOf(1) },
  { kid: 'old', key: keyOf(2) },
];
const NOW = 1_800_000_000;
const WRAPPER: ContinuationWrapper = {
  ct: 'upstream-token',
  usr: 'alice@contoso.com',
  flow: 'sign_in',
  mode: 'cookie',
  exp: NOW + 600,
};

describe('the continuation-token wrapper', () => {
  it('opens what it sealed, under any key of the ring, until it expires', async () => {
    const sealed = await sealContinuation(WRAPPER, RING);
    expect(sealed.split('.')).toHaveLength(5);
    expect(sealed).not.toContain('upstream-token');
    await expect(openContinuation(sealed, RING, NOW)).resolves.toEqual(WRAPPER);
    await expect(openContinuation(sealed, [RING[1]!, RING[0]!], NOW)).resolves.toEqual(WRAPPER);
    await expect(openContinuation(sealed, RING, NOW + 600)).resolves.toBeUndefined();
  });

  it('refuses a rotated-out key, a tampered token, garbage and a session cookie of the same ring', async () => {
    const sealed = await sealContinuation(WRAPPER, RING);
    await expect(openContinuation(sealed, [RING[1]!], NOW)).resolves.toBeUndefined();
    const parts = sealed.split('.');
    parts[4] = `${parts[4]?.[0] === 'A' ? 'B' : 'A'}${parts[4]?.slice(1) ?? ''}`;
    await expect(openContinuation(parts.join('.'), RING, NOW)).resolves.toBeUndefined();
    await expect(openContinuation('upstream-token', RING, NOW)).resolves.toBeUndefined();
    const session = await new CompactEncrypt(new TextEncoder().encode(JSON.stringify(WRAPPER)))
      .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', kid: 'new' })
      .encrypt(keyOf(1));
    await expect(openContinuation(session, RING, NOW)).resolves.toBeUndefined();
  });
});

import { createHmac } from 'node:crypto';

/**
 * Keyed fingerprints of a wrong password, one per form that smart lockout compares, so that the
 * store never holds anything guessable offline (the key never leaves the emulator's secrets):
 *
 * - `e` the password exactly: the same wrong password again counts once (B2C's documented rule);
 * - `f` case-folded (NFKC, lower case): `Summer!` and `SUMMER!` are near-identical;
 * - `s` the folded stem without its trailing digits and symbols, when at least
 *   {@link MIN_STEM_LENGTH} characters are left: `Summer2024!` and `summer2025` are near-identical.
 *
 * B2C says near-identical passwords count once and gives `12456!` / `1234567!` as an example, but
 * no rule; this rule leaves such all-digit passwords distinct, because merging every number into
 * one attempt would hand a guesser unlimited PINs.
 */
export const MIN_STEM_LENGTH = 4;

/** The forms of `password` compared for near-identical matches (beyond the exact one). */
export function nearIdenticalForms(password: string): { folded: string; stem?: string } {
  const folded = password.normalize('NFKC').toLowerCase();
  const stem = folded.replace(/[^\p{L}]+$/u, '');
  return stem.length >= MIN_STEM_LENGTH ? { folded, stem } : { folded };
}

/**
 * The fingerprints of `password` for the pair `pairKey` (`e:…` exact, and with `nearIdentical`
 * `f:…` and `s:…`), each an HMAC-SHA256 under `key`, truncated to 128 bits.
 */
export function passwordFingerprints(
  key: Buffer,
  pairKey: string,
  password: string,
  nearIdentical: boolean,
): string[] {
  const mac = (kind: string, form: string): string =>
    `${kind}:${createHmac('sha256', key)
      .update(`${pairKey}\0${kind}\0${form}`)
      .digest('base64url')
      .slice(0, 22)}`;
  const fingerprints = [mac('e', password)];
  if (!nearIdentical) return fingerprints;
  const { folded, stem } = nearIdenticalForms(password);
  fingerprints.push(mac('f', folded));
  if (stem !== undefined) fingerprints.push(mac('s', stem));
  return fingerprints;
}

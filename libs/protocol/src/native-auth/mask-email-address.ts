/**
 * The masked address a one-time code went to, for `challenge_target_label` and introspect's
 * `login_hint` (docs/entra-native-auth-protocol.md §3.2). The service's rule is not published;
 * its one example is `c***r@co**o**o.com`, and (api)'s example user is
 * `contoso-consumer@contoso.com`. This rule gives exactly that label for that address, and shows
 * the same number of stars whatever the length, so the label does not leak it:
 *
 * - the local part keeps its first and last characters around `***` (`contoso-consumer` →
 *   `c***r`); one of one or two characters keeps its first (`a` → `a***`);
 * - each label of the domain but the last keeps its first two characters, the one at index
 *   ⌈n/2⌉ and the last, with `**` between them (`contoso` → `co**o**o`); a label of fewer than
 *   five characters keeps its first (`mail` → `m***`); the last label (`com`) is kept, unless
 *   the domain has only one.
 *
 * Characters are code points, so a label never holds half a surrogate pair. Case is kept.
 */

const chars = (text: string): string[] => Array.from(text);

function maskLocalPart(local: string): string {
  const characters = chars(local);
  const first = characters[0] ?? '';
  return characters.length < 3 ? `${first}***` : `${first}***${characters.at(-1) ?? ''}`;
}

function maskDomainLabel(label: string): string {
  const characters = chars(label);
  const n = characters.length;
  if (n < 5) return `${characters[0] ?? ''}***`;
  const kept = (index: number) => characters[index] ?? '';
  return `${kept(0)}${kept(1)}**${kept(Math.ceil(n / 2))}**${kept(n - 1)}`;
}

/**
 * Masks an email address by the rule above. Throws a TypeError unless `address` has one `@`
 * with text on both sides and a domain without empty labels — the caller passes a user's
 * address, which the server validated when it was stored.
 */
export function maskEmailAddress(address: string): string {
  const parts = address.split('@');
  const [local, domain] = parts;
  const labels = domain?.split('.') ?? [];
  if (parts.length !== 2 || !local || labels.some((label) => label === ''))
    throw new TypeError('address must be an email address (local@domain)');
  const masked =
    labels.length === 1
      ? labels.map(maskDomainLabel)
      : [...labels.slice(0, -1).map(maskDomainLabel), labels.at(-1) ?? ''];
  return `${maskLocalPart(local)}@${masked.join('.')}`;
}

/**
 * A parsed `If-Match` header (RFC 9110 §13.1.1): `*`, or the strong entity tags listed, quotes
 * included. Weak tags are dropped: If-Match compares strongly, so they never match.
 */
export type IfMatch =
  { readonly kind: 'any' } | { readonly kind: 'tags'; readonly tags: readonly string[] };

/** The `expectedEtag` for a store's conditional write, or why the write cannot succeed. */
export type ExpectedEtag =
  | { readonly ok: true; readonly etag: string | undefined }
  | { readonly ok: false; readonly reason: 'notFound' | 'preconditionFailed' };

/** One list element: an optional entity tag, then a comma or the end. */
const ELEMENT = /[ \t]*(?:(W\/)?("[\x21\x23-\x7E\x80-\xFF]*"))?[ \t]*(?:,|$)/y;

/**
 * Parses `If-Match`: `undefined` when absent, `'invalid'` when it is neither `*` nor a list of
 * one or more entity tags (a quoted tag may hold commas, so the list is scanned, not split).
 */
export function parseIfMatch(header: string | null): IfMatch | 'invalid' | undefined {
  if (header === null) return undefined;
  if (header.trim() === '*') return { kind: 'any' };
  const tags: string[] = [];
  let listed = 0;
  for (let index = 0; index < header.length; index = ELEMENT.lastIndex) {
    ELEMENT.lastIndex = index;
    const match = ELEMENT.exec(header);
    if (match === null) return 'invalid';
    const [, weak, tag] = match;
    if (tag !== undefined) listed += 1;
    if (tag !== undefined && weak === undefined) tags.push(tag);
  }
  return listed === 0 ? 'invalid' : { kind: 'tags', tags };
}

/**
 * What to pass as `expectedEtag` for `ifMatch`. A store compares one tag atomically, so a list
 * of several tags (or none strong) is resolved by reading the current tag: when it is listed, the
 * write is made conditional on exactly that tag, so a change in between still fails with 412.
 */
export async function resolveExpectedEtag(
  ifMatch: IfMatch | undefined,
  readCurrentEtag: () => Promise<string | undefined>,
): Promise<ExpectedEtag> {
  if (ifMatch === undefined) return { ok: true, etag: undefined };
  if (ifMatch.kind === 'any') return { ok: true, etag: '*' };
  const [first, ...others] = ifMatch.tags;
  if (first !== undefined && others.length === 0) return { ok: true, etag: first };
  const current = await readCurrentEtag();
  if (current === undefined) return { ok: false, reason: 'notFound' };
  if (!ifMatch.tags.includes(current)) return { ok: false, reason: 'preconditionFailed' };
  return { ok: true, etag: current };
}

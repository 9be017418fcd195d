const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The owner of the caller's notes: the token's `oid`, or its `sub` when there is no `oid`, if it
 * is GUID-shaped; lowercased. `undefined` when the token names no user: B2C puts the object id in
 * `sub` unless the flow is set to "Not supported currently. Use oid claim.", and an `oid` that is
 * not a GUID is refused rather than passed over for `sub`, as B2C never issues one.
 */
export function noteOwnerOf(claims: {
  readonly oid?: unknown;
  readonly sub?: unknown;
}): string | undefined {
  const subject = claims.oid === undefined ? claims.sub : claims.oid;
  return typeof subject === 'string' && GUID.test(subject) ? subject.toLowerCase() : undefined;
}

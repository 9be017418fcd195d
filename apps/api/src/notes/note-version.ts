/**
 * A note's strong entity tag: its version counter, quoted (`"1"`, `"2"`, ...). Every store uses
 * this one format, so clients see the same `ETag` whichever store keeps the note.
 */
export function etagOfVersion(version: number): string {
  return `"${version}"`;
}

/**
 * Whether a write conditioned on `expectedEtag` may change a note at `version`: `undefined`
 * (no condition) and `'*'` match any existing note; anything else, including a weak tag, must be
 * exactly the current strong tag.
 */
export function matchesVersion(expectedEtag: string | undefined, version: number): boolean {
  return (
    expectedEtag === undefined || expectedEtag === '*' || expectedEtag === etagOfVersion(version)
  );
}

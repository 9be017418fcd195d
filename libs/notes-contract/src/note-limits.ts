/** The longest title, in Unicode code points after trimming (an emoji counts as one). */
export const NOTE_TITLE_MAX_LENGTH = 200;

/** The longest body, in Unicode code points. */
export const NOTE_BODY_MAX_LENGTH = 10_000;

/** How many notes one user may keep; the next create is refused with 409. */
export const MAX_NOTES_PER_OWNER = 500;

/** Length as the limits count it: code points, not UTF-16 units. */
export function codePointLength(text: string): number {
  let length = 0;
  for (const _ of text) length += 1;
  return length;
}

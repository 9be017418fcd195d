/**
 * Two aligned columns: names padded to the longest, values as given. A value with line breaks
 * continues under its first line, so the columns stay readable.
 */
export function formatTable(rows: readonly (readonly [string, string])[]): string {
  const width = Math.max(0, ...rows.map(([name]) => name.length));
  return rows
    .map(
      ([name, value]) =>
        `${name.padEnd(width)}  ${value.split('\n').join(`\n${' '.repeat(width + 2)}`)}`,
    )
    .join('\n');
}

/**
 * Text from a server or a token, made safe to print on a terminal: control characters (an escape
 * sequence in a crafted claim could rewrite the screen or the title) are shown as `\u001b`.
 */
export function terminalSafe(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (character) => {
    return `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/**
 * Rows as two aligned columns: `name  value`, names padded to the longest. Every cell goes
 * through {@link terminalSafe}.
 */
export function alignedRows(rows: readonly (readonly [string, string])[], indent = '  '): string[] {
  const width = Math.max(0, ...rows.map(([name]) => terminalSafe(name).length));
  return rows.map(
    ([name, value]) => `${indent}${terminalSafe(name).padEnd(width)}  ${terminalSafe(value)}`,
  );
}

/** A table with a header row, columns padded to their widest cell. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const safe = [header, ...rows].map((row) => row.map(terminalSafe));
  const widths = header.map((_, column) =>
    Math.max(...safe.map((row) => (row[column] ?? '').length)),
  );
  return safe.map((row) =>
    row
      .map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
}

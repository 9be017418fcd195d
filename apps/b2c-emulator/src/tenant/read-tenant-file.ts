import { readFile } from 'node:fs/promises';
import { TenantFileError } from './tenant-file-error';

/**
 * Reads and parses a tenant file. An unreadable file or invalid JSON becomes a
 * {@link TenantFileError} naming the file; the message gives the line and column but never quotes
 * the text, which may hold passwords.
 */
export async function readTenantFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new TenantFileError([{ path: '', message: `cannot be read (${code})` }], file);
  }
  try {
    // Editors on Windows may save a byte-order mark, which JSON.parse refuses.
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (error) {
    throw new TenantFileError([{ path: '', message: describeSyntaxError(error, text) }], file);
  }
}

/**
 * V8's message may quote the text around the mistake (`"…" is not valid JSON`), so only its
 * position is used.
 */
function describeSyntaxError(error: unknown, text: string): string {
  const match = error instanceof Error ? /at position (\d+)/.exec(error.message) : null;
  if (match?.[1] === undefined) {
    return 'is not valid JSON';
  }
  const before = text.slice(0, Number(match[1])).split('\n');
  const line = before.length;
  const column = (before.at(-1)?.length ?? 0) + 1;
  return `is not valid JSON (line ${line}, column ${column})`;
}

import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { asJsonObject, readJsonFile } from './read-json-file';

/**
 * Resolves package.json `main` to the entry files the worker would load: a file path, or a pattern
 * whose segments may use `*` and `?` (no `**`, braces or negation), matched in sorted order.
 */
export function resolveEntryPoints(appDir: string): string[] {
  const file = path.join(appDir, 'package.json');
  const main = asJsonObject(readJsonFile(file))?.['main'];
  if (typeof main !== 'string' || main.trim() === '') {
    throw new Error(`${file} must name the app's entry point(s) in "main".`);
  }
  if (main.includes('**') || /[{}[\]!]/.test(main)) {
    throw new Error(`${file}: "main" pattern ${main} is not supported; use * and ? only.`);
  }
  const segments = main.split(/[\\/]+/).filter((segment) => segment !== '' && segment !== '.');
  const files = expand(path.resolve(appDir), segments);
  if (files.length === 0) throw new Error(`${file}: "main" (${main}) matches no file.`);
  return files;
}

function expand(directory: string, segments: readonly string[]): string[] {
  const [segment, ...rest] = segments;
  if (segment === undefined) return statSync(directory).isFile() ? [directory] : [];
  if (!/[*?]/.test(segment)) {
    const next = path.join(directory, segment);
    return existsSync(next) ? expand(next, rest) : [];
  }
  if (!existsSync(directory) || !statSync(directory).isDirectory()) return [];
  const pattern = wildcardPattern(segment);
  return readdirSync(directory)
    .filter((name) => pattern.test(name))
    .sort()
    .flatMap((name) => expand(path.join(directory, name), rest));
}

function wildcardPattern(segment: string): RegExp {
  const body = segment
    .split('')
    .map((char) => (char === '*' ? '[^/]*' : char === '?' ? '[^/]' : escapeRegExp(char)))
    .join('');
  return new RegExp(`^${body}$`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

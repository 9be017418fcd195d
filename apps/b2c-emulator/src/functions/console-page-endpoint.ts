import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { registerHttpFunction } from '@ropc/functions-edge';
import { adminStorageFailure } from '../admin/admin-storage-failure';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The console's files, built by `nx run b2c-emulator:build-console` and copied next to the bundle
 * (`console/`) by the build: the page, its script and its style sheet. Nothing else is served.
 */
const CONSOLE_DIR = join(__dirname, 'console');

const FILES: Readonly<Record<string, { file: string; type: string; cache: string }>> = {
  page: { file: 'index.html', type: 'text/html; charset=utf-8', cache: 'no-store' },
  'console.js': { file: 'console.js', type: 'text/javascript; charset=utf-8', cache: 'no-cache' },
  'console.css': { file: 'console.css', type: 'text/css; charset=utf-8', cache: 'no-cache' },
};

/**
 * What the page may do: its own script, style sheet and fetches, nothing inline, nothing from
 * elsewhere, no framing, and no `<base>` to move its relative URLs.
 */
export const CONSOLE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The headers of every console answer, the page's own and its assets'. */
const CONSOLE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONSOLE_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

const loaded = new Map<string, Promise<string>>();

/** A console file's text, read once per process (the files change only with a new build). */
function consoleFile(file: string): Promise<string> {
  let text = loaded.get(file);
  if (!text) {
    text = readFile(join(CONSOLE_DIR, file), 'utf8');
    // A failed read is not kept: the next request tries again.
    text.catch(() => loaded.delete(file));
    loaded.set(file, text);
  }
  return text;
}

function notFound(message: string): HttpResponseInit {
  return {
    status: 404,
    headers: { ...CONSOLE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
    body: message,
  };
}

/**
 * GET /.emulator/console and /.emulator/console/{console.js|console.css}: the console, public as
 * a shell (it shows nothing until the admin key is entered, and every value it shows comes from
 * the admin API, which checks the key). With the admin API off there is nothing to administer,
 * but the page still loads and says the key is refused.
 */
export async function consolePage(request: HttpRequest): Promise<HttpResponseInit> {
  const asset = request.params['asset'];
  const served = FILES[asset ?? 'page'];
  if (!served || asset === 'page') return notFound('The console has no such file.');
  let body: string;
  try {
    body = await consoleFile(served.file);
  } catch {
    return notFound('The console is not built: run nx run b2c-emulator:build.');
  }
  return {
    status: 200,
    headers: { ...CONSOLE_HEADERS, 'Content-Type': served.type, 'Cache-Control': served.cache },
    body,
  };
}

for (const [name, route] of [
  ['emulator-console', '.emulator/console'],
  ['emulator-console-asset', '.emulator/console/{asset}'],
] as const) {
  // It reads no storage; the admin answer stands in should that ever change.
  registerHttpFunction(name, {
    route,
    methods: ['GET'],
    handler: consolePage,
    storageFailure: adminStorageFailure,
  });
}

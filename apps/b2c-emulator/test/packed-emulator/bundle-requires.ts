import { builtinModules } from 'node:module';

/**
 * The modules a bundle loads at run time that are not Node built-ins: every `require("…")` call
 * esbuild left in place. A call inside a string literal (Ajv keeps `'require("ajv/dist/…")'` as
 * code it would generate for standalone validators) is not one.
 */
export function externalRequires(bundle: string): string[] {
  const builtins = new Set(builtinModules);
  const ids = [...bundle.matchAll(/(?<![\w$.'"`])require\("([^"]+)"\)/g)].map(
    (match) => match[1] ?? '',
  );
  return [...new Set(ids)].filter((id) => !id.startsWith('node:') && !builtins.has(id)).sort();
}

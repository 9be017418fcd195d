import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const sources = readdirSync(__dirname)
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.spec.ts'))
  .map((file) => ({ file, text: readFileSync(join(__dirname, file), 'utf8') }));

const importedPaths = (text: string): string[] =>
  [...text.matchAll(/\bfrom '([^']+)'/gu)].map((match) => match[1] ?? '');

describe('the native-auth part of @ropc/protocol', () => {
  it('builds on the kind-neutral OAuth part only: nothing from b2c/ or the root index', () => {
    const outside = sources.flatMap(({ file, text }) =>
      importedPaths(text)
        .filter((path) => path.startsWith('../') && !path.startsWith('../oauth/'))
        .map((path) => `${file} → ${path}`),
    );
    expect(outside).toEqual([]);
  });

  it('names every public export in its entry point (no export *)', () => {
    const index = sources.find(({ file }) => file === 'index.ts');
    expect(index?.text).not.toMatch(/export \*/u);
  });

  it('exports every source file of the part from its entry point, except internal helpers', () => {
    const index = sources.find(({ file }) => file === 'index.ts')?.text ?? '';
    const internal = new Set(['index.ts', 'require-text.ts']);
    const missing = sources
      .map(({ file }) => file)
      .filter((file) => !internal.has(file))
      .filter((file) => !index.includes(`from './${file.replace(/\.ts$/u, '')}'`));
    expect(missing).toEqual([]);
  });
});

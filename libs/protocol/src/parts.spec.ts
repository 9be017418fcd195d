import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const sourcesOf = (folder: string): { file: string; text: string }[] =>
  readdirSync(join(__dirname, folder))
    .filter((file) => file.endsWith('.ts'))
    .map((file) => ({ file, text: readFileSync(join(__dirname, folder, file), 'utf8') }));

const importedPaths = (text: string): string[] =>
  [...text.matchAll(/\bfrom '([^']+)'/gu)].map((match) => match[1] ?? '');

describe('the parts of @ropc/protocol', () => {
  it('keep the OAuth part free of any authority kind: oauth/ imports nothing outside itself', () => {
    const outside = sourcesOf('oauth').flatMap(({ file, text }) =>
      importedPaths(text)
        .filter((path) => path.startsWith('../') && !path.startsWith('../../test/'))
        .map((path) => `${file} → ${path}`),
    );
    expect(outside).toEqual([]);
  });

  it('name every public export in index.ts, part by part (no export *)', () => {
    const [index] = sourcesOf('.').filter(({ file }) => file === 'index.ts');
    expect(index?.text).not.toMatch(/export \*/u);
  });
});

import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lintWithRedocly } from './redocly-lint';

describe('lintWithRedocly', () => {
  const directory = mkdtempSync(join(tmpdir(), 'redocly-config-'));
  const config = join(directory, 'redocly.yaml');
  writeFileSync(config, 'extends:\n  - recommended\n');

  afterAll(() => {
    rmSync(directory, { recursive: true, force: true });
  });

  it('reports the problems of a document with their rule and pointer', async () => {
    const problems = await lintWithRedocly(
      {
        openapi: '3.1.0',
        info: { title: 'Broken', version: '1' },
        paths: { '/a': { get: { responses: { '200': { $ref: '#/components/responses/Nope' } } } } },
      },
      config,
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        ruleId: 'no-unresolved-refs',
        severity: 'error',
        pointers: ['#/paths/~1a/get/responses/200'],
      }),
    );
  }, 30_000);
});

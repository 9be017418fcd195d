import { execFile } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = join(__dirname, '..', '..', '..');

/** Lints a probe file placed inside a project, then removes it; returns ESLint's messages. */
async function lintProbe(
  projectSource: string,
  code: string,
): Promise<{ ruleId: string | null; message: string }[]> {
  const file = join(root, projectSource, `boundary-probe-${process.pid}.ts`);
  writeFileSync(file, code);
  try {
    const { stdout } = await run(
      process.execPath,
      [join(root, 'node_modules', 'eslint', 'bin', 'eslint.js'), '--format', 'json', file],
      {
        cwd: root,
      },
    ).catch((error: unknown) => ({ stdout: (error as { stdout: string }).stdout }));
    const [result] = JSON.parse(stdout) as {
      messages: { ruleId: string | null; message: string }[];
    }[];
    return result?.messages ?? [];
  } finally {
    rmSync(file, { force: true });
  }
}

describe('module boundaries', () => {
  it('refuse Angular, @azure/functions and Node built-ins in the platform-neutral protocol library', async () => {
    const messages = await lintProbe(
      'libs/protocol/src',
      [
        "import { Injectable } from '@angular/core';",
        "import { app } from '@azure/functions';",
        "import { readFileSync } from 'node:fs';",
        'export const probe = [Injectable, app, readFileSync, process.env];',
      ].join('\n'),
    );
    expect(messages.map((message) => message.ruleId)).toEqual([
      '@nx/enforce-module-boundaries',
      '@nx/enforce-module-boundaries',
      'no-restricted-imports',
      'no-restricted-globals',
    ]);
    expect(messages[0]?.message).toBe(
      'A project tagged with "platform:neutral" is not allowed to import "@angular/core"',
    );
  });

  it('refuse an app importing another app', async () => {
    const messages = await lintProbe(
      'apps/api/src',
      "import { loadConfig } from '../../b2c-emulator/src/config';\nexport const probe = loadConfig;\n",
    );
    expect(messages.map((message) => message.ruleId)).toContain('@nx/enforce-module-boundaries');
  });

  it('let the platform-neutral library import what it may', async () => {
    const messages = await lintProbe(
      'libs/protocol/src',
      "import { parseScope } from './oauth/scope';\nexport const probe = parseScope;\n",
    );
    expect(messages).toEqual([]);
  });
});

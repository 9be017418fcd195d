// Reading a Functions app folder: entry points, host.json, local.settings.json, environment.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { applyEnvironment } from '../src/app/apply-environment';
import { readLocalSettings } from '../src/app/read-local-settings';
import { readRoutePrefix } from '../src/app/read-route-prefix';
import { resolveEntryPoints } from '../src/app/resolve-entry-points';

let appDir: string;

beforeEach(() => {
  appDir = mkdtempSync(path.join(tmpdir(), 'functions-host-layout-'));
});

afterEach(() => {
  rmSync(appDir, { recursive: true, force: true });
});

function write(relative: string, content: string): void {
  const file = path.join(appDir, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
}

describe('resolveEntryPoints', () => {
  it('resolves a plain path', () => {
    write('package.json', '{"main":"./dist/main.js"}');
    write('dist/main.js', '');
    expect(resolveEntryPoints(appDir)).toEqual([path.join(appDir, 'dist/main.js')]);
  });

  it('expands * and ? in any segment, sorted', () => {
    write('package.json', '{"main":"dist/src/functions/*.js"}');
    for (const name of ['b.js', 'a.js', 'c.js.map', 'sub/d.js'])
      write(`dist/src/functions/${name}`, '');
    expect(resolveEntryPoints(appDir)).toEqual([
      path.join(appDir, 'dist/src/functions/a.js'),
      path.join(appDir, 'dist/src/functions/b.js'),
    ]);
    write('package.json', '{"main":"dist/*/functions/?.js"}');
    expect(resolveEntryPoints(appDir)).toHaveLength(2);
  });

  it.each([
    ['{}', /must name the app's entry point/],
    ['{"main":"dist/**/*.js"}', /not supported/],
    ['{"main":"missing.js"}', /matches no file/],
  ])('refuses package.json %s', (packageJson, message) => {
    write('package.json', packageJson);
    expect(() => resolveEntryPoints(appDir)).toThrow(message);
  });
});

describe('readRoutePrefix', () => {
  it.each([
    ['{"version":"2.0"}', 'api'],
    ['{"extensions":{"http":{"routePrefix":""}}}', ''],
    ['{"extensions":{"http":{"routePrefix":"/v1/"}}}', 'v1'],
  ])('reads %s as "%s"', (hostJson, prefix) => {
    write('host.json', hostJson);
    expect(readRoutePrefix(appDir)).toBe(prefix);
  });

  it('refuses a malformed host.json', () => {
    write('host.json', '{');
    expect(() => readRoutePrefix(appDir)).toThrow(/not valid JSON/);
  });
});

describe('readLocalSettings', () => {
  it('reads Values as strings and Host.LocalHttpPort', () => {
    write(
      'local.settings.json',
      '{"Values":{"A":"x","N":3,"B":true},"Host":{"LocalHttpPort":7072}}',
    );
    expect(readLocalSettings(appDir)).toEqual({
      values: { A: 'x', N: '3', B: 'true' },
      localHttpPort: 7072,
    });
  });

  it('treats a missing file as empty and refuses an encrypted one', () => {
    expect(readLocalSettings(appDir)).toEqual({ values: {}, localHttpPort: undefined });
    write('local.settings.json', '{"IsEncrypted":true,"Values":{}}');
    expect(() => readLocalSettings(appDir)).toThrow(/encrypted/);
  });
});

describe('applyEnvironment', () => {
  it('overrides with options, fills unset values from settings, and restores', () => {
    const env: NodeJS.ProcessEnv = { KEEP: 'mine', OPT: 'old' };
    const restore = applyEnvironment(env, { OPT: 'new' }, { KEEP: 'settings', NEW: 'settings' });
    expect(env).toEqual({ KEEP: 'mine', OPT: 'new', NEW: 'settings' });
    restore();
    expect(env).toEqual({ KEEP: 'mine', OPT: 'old' });
  });
});

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WALKTHROUGH } from './httpyac-run';
import { restClientEdition } from './rest-client-edition';
import { WORKSPACE } from './walkthrough-stack';

const EDITION = join(WORKSPACE, 'http', 'walkthrough.rest-client.http');
const ENVIRONMENTS = join(WORKSPACE, 'http', 'http-client.env.json');

const source = readFileSync(WALKTHROUGH, 'utf8');
const dev = (
  JSON.parse(readFileSync(ENVIRONMENTS, 'utf8')) as Record<string, Record<string, string>>
)['dev'];
if (dev === undefined) throw new Error('http-client.env.json has no "dev" environment');

/** The request lines (`METHOD url`) of a .http text, in order, with `{}` for each variable. */
const requestLines = (text: string): string[] =>
  text
    .split('\n')
    .filter((line) => /^(GET|POST|PUT|PATCH|DELETE) /.test(line))
    .map((line) => line.replace(/\{\{[^}]+\}\}/g, '{}'));

describe('walkthrough.rest-client.http, the VS Code REST Client edition', () => {
  const generated = restClientEdition(source, dev);

  it('is what walkthrough.http and the dev environment generate', () => {
    if (process.env['UPDATE_REST_CLIENT_EDITION'] === '1') writeFileSync(EDITION, generated);
    expect(readFileSync(EDITION, 'utf8')).toBe(generated);
  });

  it('sends the same requests, with the environment as file variables', () => {
    expect(requestLines(generated)).toEqual(requestLines(source));
    for (const [name, value] of Object.entries(dev)) {
      expect(generated).toContain(`\n@${name} = ${value}\n`);
    }
  });

  it('holds nothing REST Client would send as a body or could not resolve', () => {
    expect(generated).not.toMatch(/^> \{%|client\.(test|assert|global)|\{\{\$uuid\}\}/m);
    const named: string[] = [];
    for (const line of generated.split('\n')) {
      for (const [, variable] of line.matchAll(/\{\{([^}]+)\}\}/g)) {
        const from = /^(\w+)\.response\.body\.\$\.[\w.[\]]+$/.exec(String(variable))?.[1];
        const known = String(variable) in dev || variable === '$guid' || named.includes(from ?? '');
        expect({ line, known }).toEqual({ line, known: true });
      }
      const name = /^# @name (\w+)$/.exec(line)?.[1];
      if (name !== undefined) named.push(name);
    }
  });

  it('refuses a source that reads a value no earlier request sets', () => {
    expect(() => restClientEdition('###\nGET {{b2cHost}}/{{missing}}\n', dev)).toThrow(
      '{{missing}} is set by no earlier request',
    );
  });
});

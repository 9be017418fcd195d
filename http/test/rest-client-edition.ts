/**
 * The VS Code REST Client edition of the walkthrough, derived from walkthrough.http, because
 * REST Client reads neither response handlers (`> {% ... %}`, which it would send as the body)
 * nor http-client.env.json, and passes values between requests by reference
 * (`{{signIn.response.body.$.refresh_token}}`) where the source hands them on with
 * `client.global.set`. The requests themselves are the same text.
 */

/** A `client.global.set("name", response.body.path)` of a response handler. */
const GLOBAL_SET = /client\.global\.set\("(\w+)", response\.body\.([\w.[\]]+)\);/g;
const RESPONSE_HANDLER = /\n> \{%[\s\S]*?%\}\n/g;
const REQUEST_NAME = /^# @name (\w+)$/m;

/** Where a value handed on by a response handler comes from, in REST Client's words. */
function reference(requestName: string, bodyPath: string): string {
  return `${requestName}.response.body.$.${bodyPath}`;
}

/** The file's header: what this edition is, and the environment as file variables. */
function header(environment: Readonly<Record<string, string>>): string {
  const variables = Object.entries(environment).map(([name, value]) => `@${name} = ${value}`);
  return [
    '# GENERATED from walkthrough.http by http/test/rest-client-edition.ts: edit that file, then',
    '# write this one with UPDATE_REST_CLIENT_EDITION=1 npx nx run http-walkthrough:test',
    '# --testPathPattern=rest-client-edition',
    '#',
    '# The walkthrough for the VS Code REST Client extension (humao.rest-client): send the',
    '# requests top to bottom ("Send Request" above each). REST Client runs no assertions; the',
    '# checks are in walkthrough.http (httpyac, JetBrains). The variables below are the "dev"',
    '# environment of http-client.env.json: what `npm start` serves.',
    '',
    ...variables,
    '',
  ].join('\n');
}

/**
 * The REST Client edition of `source` (walkthrough.http) with `environment` (its "dev"
 * environment) as file variables: response handlers dropped, each handed-on value replaced by a
 * reference to the response it came from (the latest one set before the request that reads it),
 * `{{$uuid}}` spelled `{{$guid}}`.
 * @throws {Error} when a request reads a handed-on value no earlier request sets.
 */
export function restClientEdition(
  source: string,
  environment: Readonly<Record<string, string>>,
): string {
  // The source's own header comment (before the first request) is replaced by this edition's.
  const requests = source.split(/^(?=###)/m).filter((part) => part.startsWith('###'));
  const handedOn = new Map<string, string>();
  const converted = requests.map((request) => {
    const name = REQUEST_NAME.exec(request)?.[1];
    const sets = [...request.matchAll(GLOBAL_SET)];
    let text = request.replace(RESPONSE_HANDLER, '\n').replaceAll('{{$uuid}}', '{{$guid}}');
    text = text.replace(/\{\{(\w+)\}\}/g, (whole, variable: string) => {
      if (variable in environment) return whole;
      const from = handedOn.get(variable);
      if (from === undefined) throw new Error(`{{${variable}}} is set by no earlier request`);
      return `{{${from}}}`;
    });
    for (const [, variable, path] of sets) {
      if (name === undefined)
        throw new Error(`a request that sets ${String(variable)} has no name`);
      handedOn.set(String(variable), reference(name, String(path)));
    }
    return text.replace(/\n+$/, '\n');
  });
  return `${header(environment)}\n${converted.join('\n')}`;
}

// Route templates, constraints and precedence, without a server.
import type { RegisteredFunction } from '../src/core/worker-runtime';
import { matchRouteTemplate } from '../src/http/match-route-template';
import { parseRouteConstraint } from '../src/http/route-constraint';
import { RouteTable } from '../src/http/route-table';
import { parseRouteTemplate } from '../src/http/route-template';

const match = (template: string, path: string) =>
  matchRouteTemplate(parseRouteTemplate(template), path);

describe('parseRouteTemplate', () => {
  it.each([
    ['items/{id}x', /mixes text and parameters/],
    ['{*rest}/more', /catch-all .* must be last/],
    ['{a?}/b', /optional .* may only be followed/],
    ['{a}/{A}', /appears twice/],
    ['{a:regex(^x$)}', /unsupported route constraint/],
    ['{a:minlength}', /needs 1 integer/],
    ['a//b', /empty segment/],
    ['{1a}', /bad parameter name/],
  ])('refuses %s', (template, message) => {
    expect(() => parseRouteTemplate(template)).toThrow(message);
  });
});

describe('matchRouteTemplate', () => {
  it('matches literals case-insensitively and decodes parameters', () => {
    expect(match('api/Users/{id}', '/API/users/J%C3%BCrgen')).toEqual({ id: 'Jürgen' });
    expect(match('api/users/{id}', '/api/users/1/')).toEqual({ id: '1' });
    expect(match('api/users/{id}', '/api/users')).toBeUndefined();
    expect(match('api/users/{id}', '/api/users/1/2')).toBeUndefined();
    expect(match('api/users/{id}', '/api/users/%E0%A4%A')).toBeUndefined();
  });

  it('fills defaults and leaves absent optional values out', () => {
    expect(match('a/{kind=basic}', '/a')).toEqual({ kind: 'basic' });
    expect(match('a/{kind=basic}', '/a/pro')).toEqual({ kind: 'pro' });
    expect(match('a/{x?}/{y?}', '/a/1')).toEqual({ x: '1' });
    expect(match('a/{*rest}', '/a/')).toEqual({});
  });

  it('applies constraints', () => {
    expect(match('{id:int}', '/-12')).toEqual({ id: '-12' });
    expect(match('{id:int}', '/2147483648')).toBeUndefined();
    expect(match('{id:guid}', '/0f8fad5b-d9cb-469f-a165-70867728950e')).toBeDefined();
    expect(match('{id:guid}', '/{0F8FAD5BD9CB469FA16570867728950E}')).toBeDefined();
    expect(match('{id:guid}', '/not-a-guid')).toBeUndefined();
    expect(match('{name:alpha:minlength(2)}', '/ab')).toEqual({ name: 'ab' });
    expect(match('{name:alpha:minlength(2)}', '/a')).toBeUndefined();
    expect(match('{n:range(1,10)}', '/10')).toEqual({ n: '10' });
    expect(match('{n:range(1,10)}', '/11')).toBeUndefined();
    expect(match('{flag:bool}', '/TRUE')).toEqual({ flag: 'TRUE' });
    expect(match('{x:length(2,3)}', '/abcd')).toBeUndefined();
  });
});

describe('parseRouteConstraint', () => {
  it('knows decimal from double', () => {
    expect(parseRouteConstraint('double').test('1e3')).toBe(true);
    expect(parseRouteConstraint('decimal').test('1e3')).toBe(false);
    expect(parseRouteConstraint('decimal').test('-1.5')).toBe(true);
  });
});

describe('RouteTable', () => {
  const route = (name: string, template: string, methods = ['GET']) => ({
    fn: { metadata: { name } } as RegisteredFunction,
    template: parseRouteTemplate(template),
    methods,
    authLevel: 'anonymous',
  });
  const table = new RouteTable([
    route('catchAll', 'api/{*rest}', ['GET', 'POST']),
    route('byName', 'api/items/{name}'),
    route('byId', 'api/items/{id:int}'),
    route('literal', 'api/items/new', ['POST']),
  ]);
  const winner = (method: string, path: string) => {
    const result = table.match(method, path);
    return result.kind === 'matched' ? result.route.fn.metadata.name : result.kind;
  };

  it('prefers literal, then constrained, then plain, then catch-all segments', () => {
    expect(winner('POST', '/api/items/new')).toBe('literal');
    expect(winner('GET', '/api/items/5')).toBe('byId');
    expect(winner('GET', '/api/items/x')).toBe('byName');
    expect(winner('GET', '/api/other/x')).toBe('catchAll');
  });

  it('falls through to a less specific route that takes the method', () => {
    expect(winner('GET', '/api/items/new')).toBe('byName');
    expect(winner('POST', '/api/items/5')).toBe('catchAll');
  });

  it('keeps registration order for display', () => {
    expect(table.routes.map((r) => r.fn.metadata.name)).toEqual([
      'catchAll',
      'byName',
      'byId',
      'literal',
    ]);
  });

  it('reports 405 with the methods of every route that matched the path', () => {
    const only = new RouteTable([route('a', 'x', ['PUT']), route('b', '{p}', ['DELETE'])]);
    expect(only.match('GET', '/x')).toEqual({
      kind: 'method-not-allowed',
      allow: ['DELETE', 'PUT'],
    });
    expect(only.match('GET', '/x/y')).toEqual({ kind: 'not-found' });
  });
});

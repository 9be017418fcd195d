// The route patterns and the order of rules of Static Web Apps, as serve-web.mjs applies them
// (https://learn.microsoft.com/azure/static-web-apps/configuration, "Specifying route patterns").
import { planStaticResponse, routeMatches } from '../static-web-app-config.mjs';

describe('routeMatches', () => {
  it.each([
    ['/profile/index.html', '/profile/index.html', true],
    ['/profile/index.html', '/profile', true],
    ['/profile/index.html', '/profile/', true],
    ['/profile', '/profile/index.html', false],
    ['/calendar*', '/calendar', true],
    ['/calendar*', '/calendar/2020', true],
    ['/calendar/*', '/calendar', false],
    ['/calendar/*', '/calendar/overview', true],
    ['/images/*.{png,jpg}', '/images/a.png', true],
    ['/images/*.{png,jpg}', '/images/deep/a.JPG', true],
    ['/images/*.{png,jpg}', '/images/a.svg', false],
    ['/*.{js,css}', '/main-ABC.js', true],
    ['/*.{js,css}', '/notes', false],
    ['/articles/*.html', '/articles/a.html', true],
    ['/Config.json', '/config.json', true],
  ])('%s against %s: %s', (pattern, path, expected) => {
    expect(routeMatches(pattern, path)).toBe(expected);
  });
});

describe('planStaticResponse', () => {
  const files = new Set(['/index.html', '/main.js', '/old.html']);
  const isFile = (path: string): boolean => files.has(path);
  const config = {
    routes: [
      { route: '/old.html', redirect: '/new', statusCode: 301 },
      { route: '/*.js', headers: { 'Cache-Control': 'immutable', 'X-Drop': '' } },
      { route: '/gone', statusCode: 410 },
    ],
    globalHeaders: { 'X-Drop': 'global', 'Cache-Control': 'no-cache' },
    navigationFallback: { rewrite: '/index.html', exclude: ['/*.{js,css}'] },
    mimeTypes: {},
  };

  it('uses the first matching rule, its headers over the global ones, an empty one removed', () => {
    expect(planStaticResponse(config, 'GET', '/main.js', isFile)).toEqual({
      kind: 'file',
      path: '/main.js',
      status: 200,
      headers: { 'cache-control': 'immutable' },
    });
  });

  it('redirects with the rule’s status, and answers a bare status rule', () => {
    expect(planStaticResponse(config, 'GET', '/old.html', isFile)).toMatchObject({
      kind: 'redirect',
      location: '/new',
      status: 301,
    });
    expect(planStaticResponse(config, 'GET', '/gone', isFile)).toMatchObject({
      kind: 'status',
      status: 410,
    });
  });

  it('falls back to the index for a route, never for an excluded path', () => {
    expect(planStaticResponse(config, 'GET', '/notes/1', isFile)).toEqual({
      kind: 'file',
      path: '/index.html',
      status: 200,
      headers: { 'x-drop': 'global', 'cache-control': 'no-cache' },
    });
    expect(planStaticResponse(config, 'GET', '/chunk.js', isFile)).toEqual({
      kind: 'status',
      status: 404,
      headers: { 'x-drop': 'global', 'cache-control': 'no-cache' },
    });
  });
});

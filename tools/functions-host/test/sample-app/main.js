// Sample Functions app (programming model v4) served by the functions-host tests. Plain CommonJS,
// as a built app would be, so the host loads it with Node's own require.
const fs = require('node:fs');
const { ReadableStream } = require('node:stream/web');
const { app, HttpResponse, output } = require('@azure/functions');

app.http('hello', {
  methods: ['GET'],
  authLevel: 'function',
  handler: (request) => ({ body: `Hello, ${request.query.get('name') ?? 'world'}` }),
});

app.http('itemById', {
  methods: ['GET'],
  route: 'items/{id:int}',
  handler: (request) => ({ jsonBody: { by: 'id', params: request.params } }),
});

app.http('itemByName', {
  methods: ['GET'],
  route: 'items/{name}',
  handler: (request) => ({ jsonBody: { by: 'name', params: request.params } }),
});

app.http('optional', {
  methods: ['GET'],
  route: 'optional/{first?}',
  handler: (request) => ({ jsonBody: { params: request.params } }),
});

app.http('files', {
  methods: ['GET'],
  route: 'files/{*path}',
  handler: (request) => ({ jsonBody: { params: request.params } }),
});

app.http('caseRoute', {
  methods: ['GET'],
  route: 'Case/Sensitive',
  handler: () => ({ body: 'matched' }),
});

app.http('multi', {
  methods: ['PUT', 'DELETE'],
  route: 'multi',
  handler: (request) => ({ jsonBody: { method: request.method } }),
});

app.post('echo', {
  handler: async (request) => {
    const bytes = Buffer.from(await request.arrayBuffer());
    return {
      status: 201,
      headers: {
        'content-type': 'application/octet-stream',
        'x-body-length': String(bytes.length),
      },
      body: bytes,
    };
  },
});

const BINARY = [0, 1, 2, 254, 255];
app.get('binary', {
  route: 'binary/{kind}',
  handler: (request) => {
    const kind = request.params.kind;
    const body =
      kind === 'arraybuffer'
        ? new Uint8Array(BINARY).buffer
        : kind === 'buffer'
          ? Buffer.from(BINARY)
          : new Uint8Array(BINARY);
    return { body, headers: { 'content-type': 'application/octet-stream' } };
  },
});

app.get('stream', {
  handler: () => {
    const parts = ['first,', 'second,', 'third'];
    const body = new ReadableStream({
      pull(controller) {
        const part = parts.shift();
        if (part === undefined) controller.close();
        else controller.enqueue(new TextEncoder().encode(part));
      },
    });
    return new HttpResponse({ body, headers: { 'content-type': 'text/plain' } });
  },
});

app.get('cookies', {
  handler: () =>
    new HttpResponse({
      jsonBody: { ok: true },
      headers: { 'Set-Cookie': 'fromHeader=1; Path=/' },
      cookies: [
        { name: 'session', value: 'a b+c', httpOnly: true, secure: true, sameSite: 'Lax' },
        { name: 'theme', value: 'dark', path: '/app', maxAge: 3600, sameSite: 'None' },
        {
          name: 'gone',
          value: '',
          expires: new Date(Date.UTC(2000, 0, 1)),
          domain: 'example.test',
        },
      ],
    }),
});

app.get('headerCookies', {
  route: 'header-cookies',
  handler: () => {
    const headers = new Headers();
    headers.append('Set-Cookie', 'first=1');
    headers.append('Set-Cookie', 'second=2');
    return { status: 200, headers, body: 'two Set-Cookie headers' };
  },
});

app.get('throws', {
  handler: () => {
    throw new Error('boom: handler failure');
  },
});

app.get('whoami', {
  handler: (request, context) => {
    context.log('whoami called');
    context.warn('a warning from whoami');
    return {
      jsonBody: {
        forwardedFor: request.headers.get('x-forwarded-for'),
        greeting: process.env.SAMPLE_GREETING,
        preset: process.env.SAMPLE_PRESET,
        fromOption: process.env.SAMPLE_FROM_OPTION,
        url: request.url,
        query: Object.fromEntries(request.query),
        functionName: context.functionName,
      },
    };
  },
});

app.get('traceContext', {
  route: 'trace-context',
  handler: (_request, context) => ({ jsonBody: context.traceContext ?? null }),
});

app.get('noContent', {
  route: 'no-content',
  handler: () => ({ status: 204, headers: { 'x-empty': 'yes' } }),
});

app.get('nothing', { handler: () => undefined });

// Hooks: appStart marks the app (and leaves app-level hookData for appTerminate), preInvocation
// marks the invocation, postInvocation rewrites the result of "hooked" so the test sees all three
// ran; appTerminate writes a marker file with what appStart left.
let appStarted = false;
app.hook.appStart((context) => {
  appStarted = true;
  context.hookData.startedBy = 'appStart';
});
app.hook.preInvocation((context) => {
  context.hookData.pre = true;
});
app.hook.postInvocation((context) => {
  if (context.invocationContext.functionName !== 'hooked') return;
  context.result = {
    jsonBody: {
      handler: context.result.jsonBody.handler,
      pre: context.hookData.pre === true,
      appStarted,
    },
  };
});
app.hook.appTerminate((context) => {
  const marker = process.env.SAMPLE_TERMINATE_MARKER;
  if (marker) fs.writeFileSync(marker, `terminated after ${context.hookData.startedBy}`);
});

app.get('hooked', { handler: () => ({ jsonBody: { handler: true } }) });

// Timer: a schedule that does not fire during tests; the tests run it with runTimer().
const ticks = [];
app.timer('tick', {
  schedule: '0 0 0 1 1 *',
  handler: (timer, context) => {
    ticks.push({
      isPastDue: timer.isPastDue,
      hasStatus: typeof timer.scheduleStatus.next === 'string',
    });
    context.log('tick');
  },
});
app.get('ticks', { handler: () => ({ jsonBody: ticks }) });
// In-process tests reach the running app's own instances through its exports.
module.exports.ticks = ticks;

// Registered but not run by functions-host (it warns at startup): another trigger type, and an
// output binding other than the HTTP response.
app.storageQueue('queued', {
  queueName: 'work',
  connection: 'AzureWebJobsStorage',
  handler: () => undefined,
});
const queueOutput = output.storageQueue({ queueName: 'work', connection: 'AzureWebJobsStorage' });
app.get('withOutput', {
  route: 'with-output',
  extraOutputs: [queueOutput],
  handler: (request, context) => {
    context.extraOutputs.set(queueOutput, 'message');
    return { body: 'sent' };
  },
});

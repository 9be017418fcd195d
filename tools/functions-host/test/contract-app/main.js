// Registrations that exercise the @azure/functions ↔ worker contract (see azure-functions-contract.spec.ts).
const { app, HttpResponse } = require('@azure/functions');

app.http('contractHttp', {
  methods: ['POST'],
  route: 'contract/{id}',
  authLevel: 'function',
  handler: async (request, context) => {
    context.log('user log', request.params.id);
    return new HttpResponse({
      status: 201,
      jsonBody: { id: request.params.id, body: await request.text(), q: request.query.get('q') },
      headers: { 'x-contract': 'yes' },
      cookies: [{ name: 'c', value: 'v', sameSite: 'Strict', maxAge: 60, httpOnly: true }],
    });
  },
});

app.timer('contractTimer', {
  schedule: '0 */5 * * * *',
  runOnStartup: true,
  handler: (timer, context) => {
    context.log(JSON.stringify(timer));
    return 'timer done';
  },
});

app.hook.appStart(() => undefined);
app.hook.preInvocation(() => undefined);
app.hook.postInvocation(() => undefined);
app.hook.appTerminate(() => undefined);
app.hook.log(() => undefined);

// Timer fixture for functions-host: a schedule read from an app setting, and an unsupported one.
const { app } = require('@azure/functions');

const runs = [];
app.timer('everySecond', {
  schedule: '%EVERY_SECOND_SCHEDULE%',
  runOnStartup: true,
  handler: (timer) => {
    runs.push(timer.scheduleStatus.next);
  },
});
app.timer('timeSpan', { schedule: '00:05:00', handler: () => undefined });
app.get('runs', { handler: () => ({ jsonBody: runs }) });

import type { RunningFunctionsHost } from '../functions-host-options';

/** The lines the CLI prints once the host listens: URLs, then each route and timer. */
export function formatStartupBanner(host: RunningFunctionsHost): string[] {
  const lines = [`Functions host listening on ${host.url}`];
  if (host.httpsUrl) lines.push(`Functions host listening on ${host.httpsUrl}`);
  if (host.routes.length > 0) lines.push('', 'Functions:');
  for (const route of host.routes) {
    lines.push(`  ${route.functionName}: [${route.methods.join(',')}] ${route.url}`);
  }
  for (const timer of host.timers) {
    const note = timer.scheduled ? '' : ' (not scheduled; unsupported schedule)';
    lines.push(`  ${timer.functionName}: timerTrigger "${timer.schedule}"${note}`);
  }
  return lines;
}

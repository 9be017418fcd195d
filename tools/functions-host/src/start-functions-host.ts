import { loadFunctionApp, type LoadedFunctionApp } from './app/load-function-app';
import { createHookContext } from './core/hook-context';
import { describeError } from './describe-error';
import type { FunctionsHostOptions, RunningFunctionsHost } from './functions-host-options';
import { createHostLogger, type HostLogger } from './host-logger';
import { httpRoutesOf } from './http/http-route';
import { startHttpListener, type HttpListener } from './http/http-listener';
import { RouteTable } from './http/route-table';
import { resolveHostOptions, type ResolvedHostOptions } from './resolve-host-options';
import { timerFunctionsOf, type TimerFunction } from './timer/timer-function';
import { TimerScheduler } from './timer/timer-scheduler';
import { warnUnservedBindings } from './warn-unserved-bindings';

/** `func start`'s default port. */
const DEFAULT_PORT = 7071;

/**
 * Serves an Azure Functions app (Node.js, @azure/functions 4.x) without Core Tools: loads it the
 * way the Functions worker does, runs appStart hooks, then listens and arms timer schedules.
 * Rejects with a TypeError on bad options and with an Error if the app cannot start.
 */
export async function startFunctionsHost(
  options: FunctionsHostOptions,
): Promise<RunningFunctionsHost> {
  const resolved = resolveHostOptions(options);
  const logger = createHostLogger(resolved);
  const app = await loadFunctionApp(resolved.appDir, resolved.env, logger);
  const functions = [...app.runtime.functions.values()];
  const listeners: HttpListener[] = [];
  try {
    const routes = new RouteTable(httpRoutesOf(functions, app.routePrefix));
    const timers = timerFunctionsOf(functions, app.env);
    warnUnservedBindings(functions, logger);
    const { maxRequestBodyBytes } = resolved;
    const scheduler = new TimerScheduler(app.runtime, logger, timers);
    const context = {
      runtime: app.runtime,
      routes,
      logger,
      maxRequestBodyBytes,
      runTimer: (name: string) => scheduler.run(name),
      hasTimer: (name: string) => scheduler.has(name),
    };
    for (const [port, tls] of listenerPorts(resolved, app)) {
      listeners.push(await startHttpListener(context, resolved.hostname, port, tls));
    }
    scheduler.start();
    const close = once(() => shutDown(app, listeners, scheduler, logger));
    return {
      ...describeHost(listeners, routes, timers, scheduler, close),
      entryExports: app.entryExports,
    };
  } catch (error) {
    await Promise.all(listeners.map((listener) => listener.close()));
    app.restoreEnvironment();
    throw error;
  }
}

type ListenerPort = readonly [number, ResolvedHostOptions['https']];

function listenerPorts(resolved: ResolvedHostOptions, app: LoadedFunctionApp): ListenerPort[] {
  const httpPort = resolved.port ?? app.localHttpPort ?? DEFAULT_PORT;
  const ports: ListenerPort[] = [[httpPort, undefined]];
  if (resolved.https) ports.push([resolved.https.port, resolved.https]);
  return ports;
}

function describeHost(
  listeners: readonly HttpListener[],
  routes: RouteTable,
  timers: readonly TimerFunction[],
  scheduler: TimerScheduler,
  close: () => Promise<void>,
): Omit<RunningFunctionsHost, 'entryExports'> {
  const [{ url }, httpsListener] = listeners as [HttpListener, HttpListener | undefined];
  return {
    url,
    ...(httpsListener ? { httpsUrl: httpsListener.url } : {}),
    routes: routes.routes.map((route) => ({
      functionName: route.fn.metadata.name,
      methods: route.methods,
      template: route.template.text,
      url: `${url}/${route.template.text}`,
      authLevel: route.authLevel,
    })),
    timers: timers.map((timer) => ({
      functionName: timer.fn.metadata.name,
      schedule: timer.scheduleText,
      scheduled: timer.schedule !== undefined,
    })),
    runTimer: (name) => scheduler.run(name),
    close,
  };
}

/** Stops timers and listeners, then runs appTerminate hooks, as the worker does on shutdown. */
async function shutDown(
  app: LoadedFunctionApp,
  listeners: readonly HttpListener[],
  scheduler: TimerScheduler,
  logger: HostLogger,
): Promise<void> {
  await scheduler.stop();
  await Promise.all(listeners.map((listener) => listener.close()));
  const { appLevelHookData: hookData, appHookData } = app.runtime;
  try {
    await app.runtime.executeHooks(
      'appTerminate',
      createHookContext({ hookData, appHookData }, {}),
    );
  } catch (error) {
    logger.error(`An appTerminate hook failed: ${describeError(error)}`);
  }
  app.restoreEnvironment();
}

function once(action: () => Promise<void>): () => Promise<void> {
  let result: Promise<void> | undefined;
  return () => (result ??= action());
}

// @ts-check
// The CPU one HTTP invocation costs inside the Functions programming model, without HTTP:
// `node invocation-cost-child.mjs <host loader bundle> <app dir> <function> <path> <seconds>`
// → {"cpuMicros":…,"invocations":…}; INVOCATION_AUTHORIZATION, when set, is sent as the request's
// Authorization header. The app is started by the host's own loadFunctionApp (its
// appStart hooks run, with the settings in this process's environment); then, in a loop, the
// host's toHttpInvocationRequest builds the RPC request a GET of `path` makes (autocannon's
// headers) and the host's invokeFunction drives @azure/functions' InvocationModel: getArguments
// (the library's HttpRequest, an undici Request inside), the handler, getResponse (the library's
// HttpResponse, read back through its web stream). What is left out is exactly what node:http
// and the host's listener do around it.
import { createRequire } from 'node:module';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';

/** @import * as loadApp from '../../functions-host/src/app/load-function-app' */
/** @import * as hostLogger from '../../functions-host/src/host-logger' */
/** @import * as invoke from '../../functions-host/src/core/invoke-function' */
/** @import * as toRequest from '../../functions-host/src/http/to-http-invocation-request' */
/** @import { IncomingMessage } from 'node:http' */

/**
 * The part of module-load.mjs's bundle this child uses.
 * @typedef {object} HostInvoker
 * @property {typeof loadApp.loadFunctionApp} loadFunctionApp
 * @property {typeof hostLogger.createHostLogger} createHostLogger
 * @property {typeof invoke.invokeFunction} invokeFunction
 * @property {typeof toRequest.toHttpInvocationRequest} toHttpInvocationRequest
 */

const [loaderBundle, appArgument, functionName, path, secondsText] =
  /** @type {[string, string, string, string, string]} */ (process.argv.slice(2));
/** @type {unknown} */
const loader = createRequire(import.meta.url)(loaderBundle);
const { loadFunctionApp, createHostLogger, invokeFunction, toHttpInvocationRequest } =
  /** @type {HostInvoker} */ (loader);

const logger = createHostLogger({ log: () => undefined, quiet: true });
const app = await loadFunctionApp(resolve(appArgument), {}, logger);
const fn = [...app.runtime.functions.values()].find((f) => f.metadata.name === functionName);
if (!fn) throw new Error(`${appArgument} has no function named ${functionName}`);
const url = new URL(`http://127.0.0.1:7071${path}`);
// What node:http hands the host for autocannon's GET: its headers, and a loopback peer.
const req = /** @type {IncomingMessage} */ (
  /** @type {unknown} */ ({
    method: 'GET',
    headers: {
      host: url.host,
      // A bearer token comes in the environment, never on the command line.
      ...(process.env.INVOCATION_AUTHORIZATION
        ? { authorization: process.env.INVOCATION_AUTHORIZATION }
        : {}),
    },
    socket: { remoteAddress: '127.0.0.1' },
  })
);
const body = Buffer.alloc(0);

const invokeOnce = async () => {
  const request = toHttpInvocationRequest({
    invocationId: randomUUID(),
    fn,
    req,
    url,
    params: {},
    body,
  });
  const { response } = await invokeFunction(app.runtime, fn, request);
  const status = response.returnValue?.http?.statusCode;
  if (status !== '200') throw new Error(`${path} answered ${String(status)}, not 200`);
};

/** @param {number} seconds */
const loopFor = async (seconds) => {
  const until = performance.now() + seconds * 1000;
  let invocations = 0;
  while (performance.now() < until) {
    for (let i = 0; i < 100; i++) await invokeOnce();
    invocations += 100;
  }
  return invocations;
};

await loopFor(1); // unmeasured: the JIT compiles the path first, as autocannon's warm-up does
const before = process.cpuUsage();
const invocations = await loopFor(Number(secondsText));
const used = process.cpuUsage(before);
console.log(JSON.stringify({ cpuMicros: (used.user + used.system) / invocations, invocations }));

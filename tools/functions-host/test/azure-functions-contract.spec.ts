// Contract between this host's stand-in for the worker and the real @azure/functions library.
// An upgrade of the library that calls something new on '@azure/functions-core', registers
// differently or changes the RPC shapes fails here, before it breaks `npm start` or the apps.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { requireEntryPoints } from '../src/app/require-entry-points';
import { createCoreApi } from '../src/core/create-core-api';
import type { CoreApi, RpcInvocationRequest } from '../src/core/core-types';
import { invokeFunction } from '../src/core/invoke-function';
import { realModuleSystem } from '../src/core/real-module-system';
import { triggerBinding } from '../src/core/trigger-binding';
import type { WorkerLogEntry } from '../src/core/worker-log-entry';
import { WorkerRuntime, type RegisteredFunction } from '../src/core/worker-runtime';
import { toTimerInvocationRequest } from '../src/timer/to-timer-invocation-request';

const workspaceRoot = path.resolve(__dirname, '../../..');
const contractAppDir = path.join(__dirname, 'contract-app');

interface PackageJson {
  readonly version?: string;
  readonly dependencies?: Readonly<Record<string, string>>;
}

function readPackageJson(file: string): PackageJson {
  return JSON.parse(readFileSync(file, 'utf8')) as PackageJson;
}

/** Wraps the core API so every member the library touches, and every call, is recorded. */
function recordingCoreApi(coreApi: CoreApi) {
  const touched = new Set<string>();
  const calls: { member: string; firstArg: unknown }[] = [];
  const proxy = new Proxy(coreApi, {
    get(target, member: string) {
      touched.add(member);
      const value: unknown = Reflect.get(target, member);
      if (typeof value !== 'function' || member === 'Disposable') return value;
      return (...args: unknown[]) => {
        calls.push({ member, firstArg: args[0] });
        return (value as (...a: unknown[]) => unknown)(...args);
      };
    },
  });
  return { proxy, touched, calls };
}

describe('@azure/functions contract', () => {
  const moduleSystem = realModuleSystem(contractAppDir);
  const installed = readPackageJson(moduleSystem.require.resolve('@azure/functions/package.json'));
  const logs: WorkerLogEntry[] = [];
  const runtime = new WorkerRuntime(contractAppDir, (entry) => logs.push(entry));
  const recording = recordingCoreApi(createCoreApi(runtime));

  beforeAll(() => {
    requireEntryPoints(
      moduleSystem,
      runtime,
      [path.join(contractAppDir, 'main.js')],
      recording.proxy,
    );
    runtime.finishStartup();
  });

  const registered = (name: string): RegisteredFunction => {
    const fn = runtime.functions.get(name);
    if (!fn) throw new Error(`${name} was not registered`);
    return fn;
  };

  it('is pinned to an exact version, which is the installed one', () => {
    const { dependencies } = readPackageJson(path.join(workspaceRoot, 'package.json'));
    const pinned = dependencies?.['@azure/functions'];
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    expect(installed.version).toBe(pinned);
  });

  it('uses only the core API members the stand-in provides', () => {
    const provided = new Set(Object.keys(createCoreApi(runtime)));
    expect([...recording.touched].filter((member) => !provided.has(member))).toEqual([]);
    for (const member of ['setProgrammingModel', 'registerFunction', 'registerHook']) {
      expect(recording.touched).toContain(member);
    }
  });

  it('sets its programming model, then registers functions and hooks through the core API', () => {
    expect(recording.calls[0]?.member).toBe('setProgrammingModel');
    expect(runtime.programmingModel).toMatchObject({
      name: '@azure/functions',
      version: installed.version,
    });
    const hookNames = recording.calls
      .filter((call) => call.member === 'registerHook')
      .map((call) => call.firstArg);
    expect(hookNames).toEqual([
      'appStart',
      'preInvocation',
      'postInvocation',
      'appTerminate',
      'log',
    ]);
    expect([...runtime.functions.keys()]).toEqual(['contractHttp', 'contractTimer']);
  });

  it('describes an HTTP trigger and its return binding as the host expects', () => {
    const { metadata } = registered('contractHttp');
    const trigger = triggerBinding(metadata);
    expect(trigger.binding).toMatchObject({
      type: 'httpTrigger',
      direction: 'in',
      methods: ['POST'],
      authLevel: 'function',
      route: 'contract/{id}',
    });
    expect(metadata.bindings['$return']).toMatchObject({ type: 'http', direction: 'out' });
  });

  it('describes a timer trigger with its schedule', () => {
    const trigger = triggerBinding(registered('contractTimer').metadata);
    expect(trigger.binding).toMatchObject({
      type: 'timerTrigger',
      direction: 'in',
      schedule: '0 */5 * * * *',
      runOnStartup: true,
    });
  });

  it('reports capabilities without HTTP streaming', async () => {
    const capabilities = await runtime.programmingModel?.getCapabilities?.({});
    expect(capabilities).toBeDefined();
    expect(capabilities?.['HttpUri']).toBeUndefined();
  });

  it('turns an RPC HTTP request into a request and the HttpResponse into RPC HTTP data', async () => {
    const fn = registered('contractHttp');
    const request: RpcInvocationRequest = {
      invocationId: 'invocation-1',
      functionId: fn.metadata.functionId,
      inputData: [
        {
          name: triggerBinding(fn.metadata).name,
          data: {
            http: {
              method: 'POST',
              url: 'http://127.0.0.1:7071/api/contract/7?q=x',
              headers: { 'content-type': 'text/plain' },
              query: { q: 'x' },
              params: { id: '7' },
              body: { bytes: Buffer.from('hello') },
            },
          },
        },
      ],
      triggerMetadata: {},
    };

    const { response } = await invokeFunction(runtime, fn, request);

    const http = response.returnValue?.http;
    expect(http).toMatchObject({
      statusCode: '201',
      headers: { 'content-type': 'application/json', 'x-contract': 'yes' },
      cookies: [
        {
          name: 'c',
          value: 'v',
          sameSite: 'strict',
          maxAge: { value: 60 },
          httpOnly: { value: true },
        },
      ],
    });
    const bytes = http?.body?.bytes;
    expect(ArrayBuffer.isView(bytes)).toBe(true);
    expect(JSON.parse(Buffer.from(bytes!).toString('utf8'))).toEqual({
      id: '7',
      body: 'hello',
      q: 'x',
    });
    expect(logs).toContainEqual({
      level: 'information',
      category: 'user',
      message: 'user log 7',
      functionName: 'contractHttp',
      invocationId: 'invocation-1',
    });
  });

  it('hands a timer trigger the camel-cased timer info and returns its result', async () => {
    const fn = registered('contractTimer');
    const next = new Date(Date.UTC(2030, 0, 1));
    const request = toTimerInvocationRequest(fn, { last: undefined, next, isPastDue: false });

    const { response } = await invokeFunction(runtime, fn, request);

    expect(response.returnValue).toEqual({ string: 'timer done' });
    const logged = logs.find((entry) => entry.functionName === 'contractTimer');
    expect(JSON.parse(logged?.message ?? 'null')).toMatchObject({
      isPastDue: false,
      schedule: { adjustForDST: true },
      scheduleStatus: { last: '0001-01-01T00:00:00', next: next.toISOString() },
    });
  });
});

import type { FunctionCallback, RpcInvocationRequest, RpcInvocationResponse } from './core-types';
import { createHookContext } from './hook-context';
import { HostInvocationContext } from './host-invocation-context';
import type { RegisteredFunction, WorkerRuntime } from './worker-runtime';

/** What postInvocation hooks may replace. */
interface PostInvocationFields {
  inputs: unknown[];
  result: unknown;
  error: unknown;
}

/** What preInvocation hooks may replace. */
interface PreInvocationFields {
  inputs: unknown[];
  functionCallback: FunctionCallback;
}

/** The programming model's answer plus the handler's raw result (after postInvocation hooks). */
export interface InvocationOutcome {
  readonly response: RpcInvocationResponse;
  readonly result: unknown;
}

/**
 * Runs one invocation the way the worker's `InvocationHandler` does: the app's programming model
 * builds the arguments, preInvocation hooks may replace inputs or handler, the model invokes it,
 * postInvocation hooks may replace result or error, and the model converts the result to RPC.
 * A handler or hook error rejects.
 *
 * A phase without registered hooks is skipped, hook context and all: nothing could observe it,
 * and building two hook contexts per request was a measurable part of the host's own cost.
 */
export async function invokeFunction(
  runtime: WorkerRuntime,
  fn: RegisteredFunction,
  request: RpcInvocationRequest,
): Promise<InvocationOutcome> {
  const model = runtime.programmingModel;
  if (!model) throw new Error('The app set no programming model (is it on @azure/functions 4.x?).');
  const coreContext = new HostInvocationContext(runtime, fn.metadata, request);
  const invocationModel = await model.getInvocationModel(coreContext);
  const { context, inputs } = await invocationModel.getArguments();
  coreContext.invocationContext = context;
  const shared = { hookData: {}, appHookData: runtime.appHookData, invocationContext: context };

  let pre: PreInvocationFields = { inputs, functionCallback: fn.callback };
  if (runtime.hasHooks('preInvocation')) {
    const hookContext = createHookContext(shared, pre);
    await coreContext.during('preInvocationHooks', () =>
      runtime.executeHooks('preInvocation', hookContext),
    );
    pre = hookContext;
  }

  const post: PostInvocationFields = { inputs: pre.inputs, result: null, error: null };
  coreContext.state = 'invocation';
  try {
    post.result = await invocationModel.invokeFunction(context, pre.inputs, pre.functionCallback);
  } catch (error) {
    post.error = error;
  } finally {
    coreContext.state = undefined;
  }
  const outcome = runtime.hasHooks('postInvocation')
    ? await runPostInvocationHooks(runtime, coreContext, shared, post)
    : post;

  if (outcome.error !== null && outcome.error !== undefined) rethrow(outcome.error);
  const response = await invocationModel.getResponse(context, outcome.result);
  return { response, result: outcome.result };
}

async function runPostInvocationHooks(
  runtime: WorkerRuntime,
  coreContext: HostInvocationContext,
  shared: Readonly<Record<string, unknown>>,
  fields: PostInvocationFields,
): Promise<PostInvocationFields> {
  const hookContext = createHookContext(shared, fields);
  await coreContext.during('postInvocationHooks', () =>
    runtime.executeHooks('postInvocation', hookContext),
  );
  return hookContext;
}

/** The worker rethrows whatever the handler threw, Error or not. */
function rethrow(error: unknown): never {
  throw error;
}

import type { RpcInvocationRequest, RpcInvocationResponse } from './core-types';
import { createHookContext } from './hook-context';
import { HostInvocationContext } from './host-invocation-context';
import type { RegisteredFunction, WorkerRuntime } from './worker-runtime';

/** What postInvocation hooks may replace. */
interface PostInvocationFields {
  inputs: unknown[];
  result: unknown;
  error: unknown;
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

  const pre = createHookContext(shared, { inputs, functionCallback: fn.callback });
  await coreContext.during('preInvocationHooks', () => runtime.executeHooks('preInvocation', pre));

  const post = createHookContext<PostInvocationFields>(shared, {
    inputs: pre.inputs,
    result: null,
    error: null,
  });
  await coreContext.during('invocation', async () => {
    try {
      post.result = await invocationModel.invokeFunction(context, pre.inputs, pre.functionCallback);
    } catch (error) {
      post.error = error;
    }
  });
  await coreContext.during('postInvocationHooks', () =>
    runtime.executeHooks('postInvocation', post),
  );

  if (post.error !== null && post.error !== undefined) rethrow(post.error);
  return { response: await invocationModel.getResponse(context, post.result), result: post.result };
}

/** The worker rethrows whatever the handler threw, Error or not. */
function rethrow(error: unknown): never {
  throw error;
}

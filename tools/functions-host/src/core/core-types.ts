// The subset of the `@azure/functions-core` contract (the worker's built-in module) that
// @azure/functions 4.x uses. The library does not ship these declarations, so they are restated
// here from its `types-core/index.d.ts`; the contract test pins them against the real library.

/** Log levels of the worker's RPC log messages. */
export type RpcLogLevel =
  'trace' | 'debug' | 'information' | 'warning' | 'error' | 'critical' | 'none';

/** Whether a log came from the app (`user`) or from the library/host (`system`). */
export type RpcLogCategory = 'user' | 'system' | 'customMetric';

/** One binding of a function, as the library registers it (trigger options are spread in). */
export interface RpcBindingInfo {
  readonly type?: string | null;
  readonly direction?: 'in' | 'out' | 'inout' | null;
  readonly [option: string]: unknown;
}

/** What `registerFunction` receives from the library. */
export interface FunctionMetadata {
  readonly name: string;
  readonly functionId?: string;
  readonly bindings: Readonly<Record<string, RpcBindingInfo>>;
  readonly retryOptions?: unknown;
}

/** The metadata handed to the programming model for one invocation. */
export interface RpcFunctionMetadata extends FunctionMetadata {
  readonly functionId: string;
  readonly directory: string;
  readonly scriptFile: string;
}

/** A function handler, as the library passes it to `registerFunction`. */
export type FunctionCallback = (...args: unknown[]) => unknown;

/** `{ value }` wrapper used by nullable RPC fields. */
export interface RpcNullable<T> {
  readonly value?: T | null;
}

/** A cookie of an HTTP response, as `toRpcHttpCookie` produces it. */
export interface RpcHttpCookie {
  readonly name?: string | null;
  readonly value?: string | null;
  readonly domain?: RpcNullable<string> | null;
  readonly path?: RpcNullable<string> | null;
  readonly expires?: RpcNullable<{ readonly seconds?: number | null }> | null;
  readonly secure?: RpcNullable<boolean> | null;
  readonly httpOnly?: RpcNullable<boolean> | null;
  readonly sameSite?: 'none' | 'lax' | 'strict' | 'explicitNone' | null;
  readonly maxAge?: RpcNullable<number> | null;
}

/** HTTP request or response data. */
export interface RpcHttpData {
  readonly method?: string | null;
  readonly url?: string | null;
  readonly headers?: Readonly<Record<string, string>> | null;
  readonly body?: RpcTypedData | null;
  readonly params?: Readonly<Record<string, string>> | null;
  readonly query?: Readonly<Record<string, string>> | null;
  readonly statusCode?: string | null;
  readonly cookies?: readonly RpcHttpCookie[] | null;
  readonly enableContentNegotiation?: boolean | null;
}

/** A value crossing the RPC boundary; exactly one member is set. */
export interface RpcTypedData {
  readonly string?: string | null;
  readonly json?: string | null;
  readonly bytes?: Uint8Array | null;
  readonly http?: RpcHttpData | null;
  readonly int?: number | null;
  readonly double?: number | null;
}

/** A named input or output value. */
export interface RpcParameterBinding {
  readonly name?: string | null;
  readonly data?: RpcTypedData | null;
}

/** What the host sends the worker to run one function. */
export interface RpcInvocationRequest {
  readonly invocationId: string;
  readonly functionId: string;
  readonly inputData: readonly RpcParameterBinding[];
  readonly triggerMetadata: Readonly<Record<string, RpcTypedData>>;
  /** The caller's W3C trace context; the library gives it to handlers as `traceContext`. */
  readonly traceContext?: RpcTraceContext;
}

/** The worker protocol's trace context: `traceparent`, `tracestate` and extra properties. */
export interface RpcTraceContext {
  readonly traceParent: string;
  readonly traceState: string;
  readonly attributes: Readonly<Record<string, string>>;
}

/** What the programming model returns for one invocation. */
export interface RpcInvocationResponse {
  readonly invocationId?: string | null;
  readonly outputData?: readonly RpcParameterBinding[] | null;
  readonly returnValue?: RpcTypedData | null;
}

/** Which phase of an invocation is running; the library reads it to judge late `context.log`s. */
export type InvocationState = 'preInvocationHooks' | 'postInvocationHooks' | 'invocation';

/** Per-invocation information the worker gives the programming model. */
export interface CoreInvocationContext {
  readonly invocationId: string;
  readonly request: RpcInvocationRequest;
  readonly metadata: RpcFunctionMetadata;
  state?: InvocationState;
  log(level: RpcLogLevel, category: RpcLogCategory, message: string): void;
}

/** The context object and trigger/input values for a handler call. */
export interface InvocationArguments {
  readonly context: unknown;
  readonly inputs: unknown[];
}

/** One invocation, as the programming model drives it. */
export interface InvocationModel {
  getArguments(): Promise<InvocationArguments>;
  invokeFunction(context: unknown, inputs: unknown[], callback: FunctionCallback): Promise<unknown>;
  getResponse(context: unknown, result: unknown): Promise<RpcInvocationResponse>;
}

/** What `setProgrammingModel` receives: @azure/functions' `ProgrammingModel`. */
export interface ProgrammingModel {
  readonly name: string;
  readonly version: string;
  getInvocationModel(
    coreContext: CoreInvocationContext,
  ): InvocationModel | Promise<InvocationModel>;
  getCapabilities?(
    capabilities: Record<string, string>,
  ): Record<string, string> | Promise<Record<string, string>>;
}

/** Data shared between hooks. */
export type HookData = Record<string, unknown>;

/** The argument of every hook callback; the library wraps it in its own context classes. */
export type HookCallback = (context: object) => unknown;

/** Hook names the worker knows. */
export type HookName = 'appStart' | 'appTerminate' | 'preInvocation' | 'postInvocation' | 'log';

/** Something that can be undone, e.g. a registration. */
export interface DisposableLike {
  dispose(): unknown;
}

/** The object `require('@azure/functions-core')` returns inside the worker. */
export interface CoreApi {
  readonly version: string;
  readonly hostVersion: string;
  registerFunction(metadata: FunctionMetadata, callback: FunctionCallback): DisposableLike;
  registerHook(hookName: string, callback: HookCallback): DisposableLike;
  setProgrammingModel(programmingModel: ProgrammingModel): void;
  getProgrammingModel(): ProgrammingModel | undefined;
  log(level: RpcLogLevel, category: RpcLogCategory, message: string): void;
  readonly Disposable: new (callOnDispose: () => unknown) => DisposableLike;
}

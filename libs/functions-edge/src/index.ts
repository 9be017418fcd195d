/**
 * @ropc/functions-edge: the one edge pattern of the two Azure Functions apps (the emulator and the
 * API) — HTTP functions registered with their storage-failure answer, one bounded body reader,
 * one client-IP rule. Node only; each app keeps its own error shapes.
 */
export {
  registerHttpFunction,
  answeringStorageFailures,
  type HttpFunctionOptions,
  type StorageFailureAnswer,
} from './http-function';
export { readBoundedBody, requestMediaType } from './read-bounded-body';
export { requestClientIp } from './request-client-ip';

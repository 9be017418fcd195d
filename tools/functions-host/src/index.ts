export { startFunctionsHost } from './start-functions-host';
export { DEFAULT_MAX_REQUEST_BODY_BYTES } from './resolve-host-options';
export type {
  FunctionsHostHttpsOptions,
  FunctionsHostOptions,
  HostRoute,
  HostTimer,
  RunningFunctionsHost,
} from './functions-host-options';

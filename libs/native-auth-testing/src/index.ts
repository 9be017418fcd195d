// The public API of @ropc/native-auth-testing. `sdk-page/sdk-page.ts` is not here: it is browser
// code, bundled by `bundleSdkPage()` and never imported.
export { bundleSdkPage, renderSdkPageHtml, type SdkPageBundle } from './bundle-sdk-page';
export {
  callSdkPage,
  type SdkPageInput,
  type SdkPageOutput,
  type SdkStepName,
} from './call-sdk-page';
export {
  startBuiltEmulator,
  type BuiltEmulatorOptions,
  type RunningEmulator,
} from './start-built-emulator';
export { Outbox, type NewCodeOptions, type OutboxMessage, type OutboxPurpose } from './outbox';
export type {
  AccountReport,
  AttributeReport,
  ErrorReport,
  NoInput,
  SdkPageApi,
  SdkPageConfig,
  StepReport,
  TokenReport,
} from './sdk-page/sdk-page-contract';

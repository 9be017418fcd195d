/** Test support for @ropc/table-storage: Azurite from its npm package. Tests only. */
export {
  startAzurite,
  azuriteConnectionString,
  type AzuriteOptions,
  type AzuriteRequest,
  type RunningAzurite,
} from './azurite';
export { AzuriteRequestLog } from './azurite-request-log';

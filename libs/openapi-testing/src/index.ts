/**
 * @ropc/openapi-testing: keeps an app's OpenAPI document true to the app. Responses a test
 * receives from a registered app origin are checked against the document that app serves
 * (operation, status, media type, JSON Schema 2020-12 body, required headers); the routes an app
 * registers are compared with the document's operations; Redocly lints the document. Node only.
 */
export {
  OPERATION_METHODS,
  isOperationMethod,
  type OpenApiDocument,
  type OpenApiHeader,
  type OpenApiMediaType,
  type OpenApiOperation,
  type OpenApiPathItem,
  type OpenApiResponse,
  type OperationMethod,
} from './openapi-document';
export {
  matchOperation,
  pathFitsTemplate,
  type MatchedOperation,
  type OperationMismatch,
} from './match-operation';
export {
  receivedFromFetch,
  receivedFromNodeHttp,
  type ReceivedResponse,
} from './received-response';
export { ResponseChecker, describeAjvErrors, type ResponseViolation } from './response-checker';
export {
  formatViolations,
  isRegisteredOrigin,
  recordResponse,
  registerOrigin,
  registerServedDocument,
  type RegisterOriginOptions,
  takeViolations,
  unregisterOrigin,
} from './validation-registry';
export { installFetchValidation, uninstallFetchValidation } from './fetch-validation';
export { failTestsOnResponseViolations } from './jest-hooks';
export {
  compareRoutesWithDocument,
  type RegisteredRoute,
  type RouteCoverage,
} from './route-coverage';
export { lintWithRedocly, type LintProblem } from './redocly-lint';

/**
 * The part of an OpenAPI 3.1 document this library reads: paths, operations, responses, their
 * headers and media types. Schemas stay `unknown`: Ajv reads them, this library never does.
 */

/** The HTTP methods a Path Item may hold (OpenAPI 3.1 §4.8.9), lower case as in the document. */
export const OPERATION_METHODS = [
  'get',
  'put',
  'post',
  'delete',
  'options',
  'head',
  'patch',
  'trace',
] as const;

export type OperationMethod = (typeof OPERATION_METHODS)[number];

export interface OpenApiHeader {
  readonly description?: string;
  readonly required?: boolean;
  readonly schema?: unknown;
}

export interface OpenApiMediaType {
  readonly schema?: unknown;
}

export interface OpenApiResponse {
  readonly description: string;
  readonly headers?: Readonly<Record<string, OpenApiHeader | { readonly $ref: string }>>;
  readonly content?: Readonly<Record<string, OpenApiMediaType>>;
}

export interface OpenApiOperation {
  readonly operationId?: string;
  readonly responses: Readonly<Record<string, OpenApiResponse | { readonly $ref: string }>>;
  readonly [key: string]: unknown;
}

export type OpenApiPathItem = Partial<Record<OperationMethod, OpenApiOperation>> & {
  readonly [key: string]: unknown;
};

export interface OpenApiDocument {
  readonly openapi: string;
  readonly info: {
    readonly title: string;
    readonly version: string;
    readonly [key: string]: unknown;
  };
  readonly servers?: readonly { readonly url: string; readonly description?: string }[];
  readonly paths: Readonly<Record<string, OpenApiPathItem>>;
  readonly components?: Readonly<Record<string, unknown>>;
  readonly [key: string]: unknown;
}

/** True for a method name the document can describe (`GET` → `get`). */
export function isOperationMethod(method: string): method is OperationMethod {
  return (OPERATION_METHODS as readonly string[]).includes(method);
}

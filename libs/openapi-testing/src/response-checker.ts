import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { matchOperation } from './match-operation';
import type {
  OpenApiDocument,
  OpenApiHeader,
  OpenApiResponse,
  OperationMethod,
} from './openapi-document';
import type { ReceivedResponse } from './received-response';

/** One way a received response differs from its document, with what identifies the exchange. */
export interface ResponseViolation {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  /** The operation's path template, when one was found. */
  readonly pathTemplate?: string;
  readonly problem: string;
  /** Ajv's errors for a body or header that does not validate. */
  readonly errors?: readonly ErrorObject[];
}

/** Escapes a JSON Pointer token (RFC 6901 §3). */
const pointerToken = (token: string): string => token.replaceAll('~', '~0').replaceAll('/', '~1');

const mediaTypeOf = (contentType: string): string =>
  (contentType.split(';')[0] ?? '').trim().toLowerCase();

const isJsonMediaType = (mediaType: string): boolean =>
  mediaType === 'application/json' || mediaType.endsWith('+json');

/** Ajv's errors in one line each: `/field must be string`. */
export function describeAjvErrors(errors: readonly ErrorObject[]): string {
  return errors
    .map((error) => {
      const extra =
        error.keyword === 'additionalProperties'
          ? ` (${String((error.params as { additionalProperty?: unknown }).additionalProperty)})`
          : '';
      return `${error.instancePath || '(root)'} ${error.message ?? error.keyword}${extra}`;
    })
    .join('; ');
}

/**
 * Checks received responses against one OpenAPI 3.1 document: the operation is documented, the
 * status is (or `default`, or a range such as `4XX`), the media type is one the response lists,
 * the body validates against that media type's schema (JSON Schema 2020-12, by Ajv with formats),
 * and every header the response marks `required` is present and fits its schema. HEAD answers
 * are checked without a body. A request the document does not describe may only be answered
 * 404 or 405. Validators are compiled on first use, once per schema location.
 */
export class ResponseChecker {
  private readonly ajv: Ajv2020;
  private readonly validators = new Map<string, ValidateFunction>();
  private static readonly DOCUMENT_ID = 'openapi-document';

  constructor(readonly document: OpenApiDocument) {
    // Not strict: OpenAPI adds keywords (`example`, `discriminator`) that JSON Schema lacks.
    this.ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
    addFormats(this.ajv);
    this.ajv.addSchema(document, ResponseChecker.DOCUMENT_ID);
  }

  /** Every violation of `received`; empty when it conforms. */
  check(received: ReceivedResponse): ResponseViolation[] {
    const { pathname } = new URL(received.url);
    const exchange = {
      method: received.method.toUpperCase(),
      path: pathname,
      status: received.status,
    };
    const matched = matchOperation(this.document, received.method, pathname);
    if ('kind' in matched) {
      // The server agrees that nothing is there (the host's own 404 or 405, or the app's): no
      // drift. Any other answer to a request the document does not describe is.
      if (received.status === 404 || received.status === 405) return [];
      const problem =
        matched.kind === 'undocumented_path'
          ? 'no path of the document matches'
          : `${matched.pathTemplate} documents no ${exchange.method}`;
      return [{ ...exchange, problem }];
    }
    const { pathTemplate, method, operation } = matched;
    const statusKey = [
      String(received.status),
      `${String(received.status)[0] ?? ''}XX`,
      'default',
    ].find((key) => Object.hasOwn(operation.responses, key));
    if (statusKey === undefined)
      return [
        { ...exchange, pathTemplate, problem: `status ${received.status} is not documented` },
      ];
    const reference = operation.responses[statusKey];
    // A response by reference is validated where it is defined, so its schemas' `$ref`s resolve.
    const base =
      typeof reference === 'object' && '$ref' in reference
        ? this.refPointer(reference)
        : ['paths', pathTemplate, method, 'responses', statusKey];
    const response = this.resolve(reference) as OpenApiResponse;
    const located = { ...exchange, pathTemplate };
    return [
      ...this.checkHeaders(received, response, base, located),
      ...this.checkBody(received, response, base, method, located),
    ];
  }

  private checkHeaders(
    received: ReceivedResponse,
    response: OpenApiResponse,
    base: readonly string[],
    located: Omit<ResponseViolation, 'problem'>,
  ): ResponseViolation[] {
    const violations: ResponseViolation[] = [];
    for (const [name, reference] of Object.entries(response.headers ?? {})) {
      // RFC 9110 §8.3: Content-Type is the media type's business, not a header parameter.
      if (name.toLowerCase() === 'content-type') continue;
      const header = this.resolve(reference) as OpenApiHeader;
      const value = received.header(name);
      if (value === null) {
        if (header.required === true)
          violations.push({ ...located, problem: `required header ${name} is missing` });
        continue;
      }
      if (header.schema === undefined) continue;
      const pointer = [...base, 'headers', name, 'schema'];
      const validate = this.validator(
        '$ref' in reference ? this.refPointer(reference) : pointer,
        '$ref' in reference ? ['schema'] : [],
      );
      if (!validate(value))
        violations.push({
          ...located,
          problem: `header ${name} does not match its schema: ${describeAjvErrors(validate.errors ?? [])}`,
          errors: validate.errors ?? [],
        });
    }
    return violations;
  }

  private checkBody(
    received: ReceivedResponse,
    response: OpenApiResponse,
    base: readonly string[],
    method: OperationMethod,
    located: Omit<ResponseViolation, 'problem'>,
  ): ResponseViolation[] {
    const content = response.content ?? {};
    const documented = Object.keys(content);
    const contentType = received.header('content-type');
    const hasBody = received.body.length > 0;
    if (documented.length === 0) {
      if (hasBody && method !== 'head')
        return [{ ...located, problem: 'the response has a body where none is documented' }];
      return [];
    }
    if (contentType === null) {
      if (method === 'head' || !hasBody) return [];
      return [{ ...located, problem: 'the response has a body without a Content-Type' }];
    }
    const mediaType = mediaTypeOf(contentType);
    const key = documented.find((each) => mediaTypeOf(each) === mediaType);
    if (key === undefined)
      return [
        {
          ...located,
          problem: `Content-Type ${mediaType} is not documented (documented: ${documented.join(', ')})`,
        },
      ];
    if (method === 'head' || content[key]?.schema === undefined) return [];
    if (!isJsonMediaType(mediaType)) return [];
    let body: unknown;
    try {
      body = JSON.parse(received.body) as unknown;
    } catch {
      return [{ ...located, problem: `the ${mediaType} body is not JSON` }];
    }
    const validate = this.validator([...base, 'content', key, 'schema']);
    if (validate(body)) return [];
    const errors = validate.errors ?? [];
    return [
      {
        ...located,
        problem: `the body does not match its schema: ${describeAjvErrors(errors)}`,
        errors,
      },
    ];
  }

  /** The object a `$ref` (`#/components/...`) points to, or the value itself. */
  private resolve(value: unknown): unknown {
    if (typeof value !== 'object' || value === null || !('$ref' in value)) return value;
    const tokens = this.refPointer(value);
    return tokens.reduce<unknown>(
      (node, token) => (node as Record<string, unknown> | undefined)?.[token],
      this.document,
    );
  }

  private refPointer(value: unknown): string[] {
    const ref = String((value as { $ref: unknown }).$ref);
    if (!ref.startsWith('#/')) throw new Error(`only local references are supported: ${ref}`);
    return ref
      .slice(2)
      .split('/')
      .map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~'));
  }

  private validator(tokens: readonly string[], suffix: readonly string[] = []): ValidateFunction {
    const pointer = [...tokens, ...suffix].map(pointerToken).join('/');
    let validate = this.validators.get(pointer);
    if (!validate) {
      validate = this.ajv.getSchema(`${ResponseChecker.DOCUMENT_ID}#/${pointer}`);
      if (!validate) throw new Error(`no schema at #/${pointer}`);
      this.validators.set(pointer, validate);
    }
    return validate;
  }
}

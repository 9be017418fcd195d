/** `$ref`s into the emulator description's components. */
export const schemaRef = (name: string) => ({ $ref: `#/components/schemas/${name}` });
export const headerRef = (name: string) => ({ $ref: `#/components/headers/${name}` });
export const responseRef = (name: string) => ({ $ref: `#/components/responses/${name}` });

type Headers = Readonly<Record<string, unknown>>;

/** A JSON answer (`application/json; charset=utf-8` on the wire) of a component schema. */
export function jsonResponse(description: string, schema: string | object, headers: Headers = {}) {
  return {
    description,
    ...(Object.keys(headers).length > 0 ? { headers } : {}),
    content: {
      'application/json': { schema: typeof schema === 'string' ? schemaRef(schema) : schema },
    },
  };
}

/**
 * An OData filter from a template, as the SDK's `odata` tag writes it: strings quoted with `'`
 * doubled, numbers and booleans as they are. Here so that callers build filters without loading
 * the SDK (which only loads once storage is used).
 */
export function odata(
  strings: TemplateStringsArray,
  ...values: readonly (string | number | boolean)[]
): string {
  return strings.reduce((filter, text, index) => {
    if (index === 0) return text;
    const value = values[index - 1];
    const literal = typeof value === 'string' ? `'${value.replaceAll("'", "''")}'` : String(value);
    return `${filter}${literal}${text}`;
  }, '');
}

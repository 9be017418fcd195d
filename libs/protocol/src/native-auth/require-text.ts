/**
 * Checks a request builder's argument: MSAL refuses an empty username, password or code before
 * sending anything, and so do the builders here. Caller misuse, hence a TypeError; the message
 * names the parameter, never its value.
 */
export function requireText(value: string, parameter: string): string {
  if (typeof value !== 'string' || value === '')
    throw new TypeError(`${parameter} must be a non-empty string`);
  return value;
}

/** An optional argument: undefined and `''` both mean absent, as in MSAL (`...(value && …)`). */
export function optionalText(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

/**
 * Sets the app's environment: `overrides` (the host option `env`) replace existing variables;
 * `defaults` (local.settings.json `Values`) fill only unset ones, as Core Tools does. Returns a
 * function that puts back what was changed, so a closed host leaves the process as it found it.
 */
export function applyEnvironment(
  env: NodeJS.ProcessEnv,
  overrides: Readonly<Record<string, string>>,
  defaults: Readonly<Record<string, string>>,
): () => void {
  const previous = new Map<string, string | undefined>();
  const set = (name: string, value: string): void => {
    if (!previous.has(name)) previous.set(name, env[name]);
    env[name] = value;
  };
  for (const [name, value] of Object.entries(overrides)) set(name, value);
  for (const [name, value] of Object.entries(defaults)) {
    if (env[name] === undefined) set(name, value);
  }
  return () => {
    for (const [name, value] of previous) {
      if (value === undefined) Reflect.deleteProperty(env, name);
      else env[name] = value;
    }
  };
}

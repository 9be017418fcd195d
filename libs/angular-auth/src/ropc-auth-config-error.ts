/** Stable codes of {@link RopcAuthConfigError}. */
export type RopcAuthConfigErrorCode = 'ERR_AUTH_CONFIG_INVALID' | 'ERR_AUTH_CONFIG_NOT_LOADED';

/** The auth configuration is missing or invalid; `problems` names every bad field at once. */
export class RopcAuthConfigError extends Error {
  override readonly name = 'RopcAuthConfigError';

  constructor(
    readonly code: RopcAuthConfigErrorCode,
    /** One line per bad field, e.g. `scopes: must be a non-empty array of scope strings`. */
    readonly problems: readonly string[] = [],
  ) {
    super(
      code === 'ERR_AUTH_CONFIG_NOT_LOADED'
        ? 'The auth configuration is not loaded yet: provideRopcAuth() loads it in an app initializer.'
        : `Invalid auth configuration:\n- ${problems.join('\n- ')}`,
    );
  }
}

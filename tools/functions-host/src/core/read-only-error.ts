/**
 * Thrown when a hook assigns one of the read-only members of a hook context, as the worker does.
 */
export class ReadOnlyError extends TypeError {
  constructor(propertyName: string) {
    super(`Cannot assign to read only property '${propertyName}'`);
    this.name = 'ReadOnlyError';
  }
}

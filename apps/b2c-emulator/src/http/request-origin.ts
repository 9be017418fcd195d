import type { HttpRequest } from '@azure/functions';
import type { EmulatorConfig } from '../config';

/**
 * The origin that issuer and endpoint URLs are built from: the pinned public URL, else the
 * request's own scheme and host, as B2C answers on whichever host it was asked.
 */
export function requestOrigin(request: HttpRequest, config: EmulatorConfig): string {
  return config.publicUrl ?? new URL(request.url).origin;
}

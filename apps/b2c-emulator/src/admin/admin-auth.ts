import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { EmulatorConfig } from '../config';
import { adminError } from './admin-error';

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/**
 * Checks `Authorization: Bearer <admin key>` in constant time. With no admin key configured the
 * admin API is off and answers 404, as if it did not exist.
 */
export function checkAdminKey(
  request: HttpRequest,
  config: EmulatorConfig,
): HttpResponseInit | undefined {
  if (config.adminKey === undefined)
    return adminError(404, 'NotFound', 'The admin API is off: set B2C_EMULATOR_ADMIN_KEY.');
  const header = request.headers.get('authorization') ?? '';
  const presented = /^Bearer\s+(.+)$/i.exec(header)?.[1] ?? '';
  if (!timingSafeEqual(digest(presented), digest(config.adminKey))) {
    return {
      ...adminError(401, 'InvalidAuthenticationToken', 'The admin key is missing or wrong.'),
      headers: {
        'Content-Type': 'application/json; charset=utf-8',
        'WWW-Authenticate': 'Bearer realm="b2c-emulator"',
      },
    };
  }
  return undefined;
}

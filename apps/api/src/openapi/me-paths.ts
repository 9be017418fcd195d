import { jsonResponse, responseRef } from './api-responses';

/** `GET /api/me`: the caller, as their access token says. */
export const ME_PATHS = {
  '/api/me': {
    get: {
      operationId: 'getMe',
      tags: ['me'],
      summary: 'The caller',
      description:
        'Who the access token (of either configured authority) says the caller is. Any valid ' +
        'token; no scope required.',
      security: [{ bearerToken: [] }],
      responses: {
        '200': jsonResponse('The caller.', 'Me'),
        '401': responseRef('Unauthorized'),
        '503': responseRef('KeysUnavailable'),
      },
    },
  },
} as const;

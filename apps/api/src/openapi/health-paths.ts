import { jsonResponse } from './api-responses';

/** `GET /api/health`: for load balancers, no authentication. */
export const HEALTH_PATHS = {
  '/api/health': {
    get: {
      operationId: 'getHealth',
      tags: ['health'],
      summary: 'Liveness',
      description: 'Answers 200 while the app is up; no authentication.',
      security: [],
      responses: { '200': jsonResponse('The app is up.', 'Health') },
    },
  },
} as const;

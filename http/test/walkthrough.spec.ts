import { runWalkthrough, type RequestOutcome } from './httpyac-run';
import { startWalkthroughStack, TEST_ADMIN_KEY, type WalkthroughStack } from './walkthrough-stack';

/** Every request of http/walkthrough.http, in order, with the status it must get. */
const WALKTHROUGH_REQUESTS: readonly (readonly [name: string, status: number])[] = [
  ['discovery', 200],
  ['jwks', 200],
  ['signIn', 200],
  ['refresh', 200],
  ['me', 200],
  ['createUser', 201],
  ['newUserSignIn', 200],
  ['createNote', 201],
  ['listNotes', 200],
  ['deleteNote', 204],
  ['deleteUser', 204],
  ['initiate', 200],
  ['challenge', 200],
  ['externalIdToken', 200],
  ['meExternalId', 200],
];

/** A request as the report must show it when its one test passed. */
const passed = ([name, status]: readonly [string, number]): RequestOutcome => ({
  name,
  statusCode: status,
  tests: [{ name: expect.any(String) as string, status: 'SUCCESS' }],
});

describe('http/walkthrough.http, run by httpyac against the emulator and the API', () => {
  let stack: WalkthroughStack;
  let variables: Record<string, string>;

  beforeAll(async () => {
    stack = await startWalkthroughStack();
    // Only where the stack listens and its admin key differ from `npm start`'s; the tenant,
    // policy, client ids, scopes and users are the environment file's own.
    variables = {
      b2cHost: stack.emulator.url,
      apiHost: stack.api.url,
      adminKey: TEST_ADMIN_KEY,
    };
  });

  afterAll(async () => {
    await stack.stop();
  });

  it('runs every request, and every assertion passes, twice against the same stack', async () => {
    // The second run proves a rerun against a live `npm start` does not collide with the first
    // (the Graph user is named afresh each run and deleted at the end).
    for (const round of [1, 2]) {
      const run = await runWalkthrough(variables);

      expect({ round, requests: run.requests }).toEqual({
        round,
        requests: WALKTHROUGH_REQUESTS.map(passed),
      });
      expect(run.summary).toMatchObject({
        totalRequests: 15,
        successRequests: 15,
        failedRequests: 0,
        erroredRequests: 0,
        skippedRequests: 0,
        totalTests: 15,
        successTests: 15,
      });
      expect(run.exitCode).toBe(0);
    }
  });

  it('fails at the password grant, naming the refusal, when the password is wrong', async () => {
    const wrongPassword = 'Not-Alices-Passw0rd';

    const run = await runWalkthrough({ ...variables, password: wrongPassword }, { bail: true });

    expect(run.exitCode).not.toBe(0);
    const [discovery, jwks, signIn, ...rest] = run.requests;
    expect([discovery, jwks]).toEqual(WALKTHROUGH_REQUESTS.slice(0, 2).map(passed));
    expect(signIn).toEqual({
      name: 'signIn',
      statusCode: 400,
      tests: [
        {
          name: 'the password grant answers an access, id and refresh token',
          status: 'FAILED',
          failure: expect.stringContaining(
            'expected 200, got 400 access_denied AADB2C90225',
          ) as string,
        },
      ],
    });
    expect(signIn?.tests[0]?.failure).not.toContain(wrongPassword);
    // --bail: nothing after the failed grant was sent.
    expect(rest).toHaveLength(WALKTHROUGH_REQUESTS.length - 3);
    for (const skipped of rest) {
      expect(skipped.statusCode).toBeUndefined();
      expect(skipped.tests).toEqual([
        { name: 'request skipped because of bail', status: 'SKIPPED' },
      ]);
    }
    expect(run.summary).toMatchObject({
      totalRequests: 15,
      successRequests: 2,
      failedRequests: 1,
      skippedRequests: 12,
    });
  });
});

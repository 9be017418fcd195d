// Every answer docs/entra-native-auth-protocol.md shows, through the outcome step, the endpoint's
// parser and the classifier: each must give the outcome its fixture names.
import { classifyNativeAuthFailure } from './classify-error';
import { interpretNativeAuthAnswer } from './native-auth-outcome';
import { NATIVE_AUTH_RESPONSE_PARSERS } from './response-parsers';
import type { SuccessParser } from './response-problem';
import {
  REFERENCE_ANSWERS,
  type AnswerExample,
} from '../../test/fixtures/native-auth/reference-answers';

const outcomeOf = (example: AnswerExample) =>
  interpretNativeAuthAnswer(
    {
      status: example.status,
      text: example.raw ? String(example.body) : JSON.stringify(example.body),
    },
    NATIVE_AUTH_RESPONSE_PARSERS[example.endpoint] as SuccessParser<unknown>,
  );

describe('the published native-auth answers', () => {
  it('cover every endpoint and every outcome kind', () => {
    const endpoints = new Set(REFERENCE_ANSWERS.map(({ endpoint }) => endpoint));
    expect(endpoints.size).toBe(Object.keys(NATIVE_AUTH_RESPONSE_PARSERS).length);
    const kinds = new Set(REFERENCE_ANSWERS.map(({ expected }) => expected.kind));
    expect([...kinds].sort()).toEqual(['error', 'invalid_response', 'redirect', 'success']);
  });

  it.each(
    REFERENCE_ANSWERS.map((example) => [`${example.section} ${example.name}`, example] as const),
  )('%s', (_, example) => {
    const outcome = outcomeOf(example);
    const { expected } = example;
    expect(outcome.kind).toBe(expected.kind);
    switch (expected.kind) {
      case 'success':
        expect(outcome).toEqual({ kind: 'success', body: expected.body });
        break;
      case 'redirect':
        expect(outcome).toEqual(expected);
        break;
      case 'error':
        expect(outcome).toMatchObject({ kind: 'error', error: expected.error });
        if (outcome.kind !== 'success')
          expect(classifyNativeAuthFailure(outcome)).toBe(expected.classification);
        break;
      case 'invalid_response':
        expect(outcome).toMatchObject({ kind: 'invalid_response', problem: expected.problem });
        if (outcome.kind !== 'success')
          expect(classifyNativeAuthFailure(outcome)).toBe(expected.classification);
        break;
    }
  });
});

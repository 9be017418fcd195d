import { installFetchValidation } from './fetch-validation';
import { formatViolations, takeViolations } from './validation-registry';

/**
 * For a Jest `setupFilesAfterEnv` file: checks every response from a registered origin, and
 * fails the test during which a response differed from its document (violations of `beforeAll`
 * work fail the first test; those of `afterAll` work fail the file).
 */
export function failTestsOnResponseViolations(): void {
  installFetchValidation();
  const failOnViolations = (): void => {
    const violations = takeViolations();
    if (violations.length > 0) throw new Error(formatViolations(violations));
  };
  afterEach(failOnViolations);
  afterAll(failOnViolations);
}

import { usageError } from '../cli/cli-error';
import type { CliContext } from '../cli/cli-context';
import { canPrompt, promptHidden } from './prompt';
import { readSecretFromStdin } from './read-stdin';

/** How a command gets one secret, asked for only when the flow needs it. */
export type SecretSource = () => Promise<string>;

/**
 * A secret from stdin (`--{what}-stdin`), else from a hidden prompt on a terminal. There is
 * deliberately no flag carrying the secret itself.
 */
export function secretSource(
  context: CliContext,
  what: string,
  fromStdin: boolean,
  question: string,
): SecretSource {
  return async () => {
    if (fromStdin) return readSecretFromStdin(context.stdin, what);
    if (!canPrompt(context)) {
      throw usageError(
        `no ${what.replaceAll('-', ' ')}: stdin is not a terminal, so ropc cannot prompt; ` +
          `pipe it with --${what}-stdin`,
      );
    }
    const secret = await promptHidden(context, question);
    if (secret === '') throw usageError(`no ${what.replaceAll('-', ' ')} typed`);
    return secret;
  };
}

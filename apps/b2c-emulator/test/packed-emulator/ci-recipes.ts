import { parse } from 'yaml';

/** One shell step of a CI recipe. */
export interface CiStep {
  /** GitHub's `name` or Azure's `displayName`, else the script itself. */
  readonly title: string;
  readonly script: string;
  /** GitHub's `if` or Azure's `condition`. */
  readonly condition: string | undefined;
  /** The step's own environment variables. */
  readonly env: Readonly<Record<string, string>>;
}

/** A CI recipe of the README: its environment for every step, and its shell steps in order. */
export interface CiRecipe {
  readonly env: Readonly<Record<string, string>>;
  readonly steps: readonly CiStep[];
  /** The shell step titled `title`; fails when the recipe has none. */
  step(title: string): CiStep;
}

/** The README's GitHub Actions workflow: the YAML block with `runs-on:`. */
export function githubActionsRecipe(readme: string): CiRecipe {
  const workflow = parse(yamlBlock(readme, 'runs-on:')) as {
    jobs?: Record<string, Record<string, unknown>>;
  };
  const jobs = Object.values(workflow.jobs ?? {});
  if (jobs.length !== 1) throw new Error('the GitHub Actions recipe should have one job');
  const [job] = jobs as [Record<string, unknown>];
  const steps = (job['steps'] as Record<string, unknown>[]).filter((step) => 'run' in step);
  return recipe(
    stringRecord(job['env']),
    steps.map((step) => ({
      title: scalar(step['name'] ?? step['run']),
      script: scalar(step['run']),
      condition: step['if'] === undefined ? undefined : scalar(step['if']),
      env: stringRecord(step['env']),
    })),
  );
}

/** The README's Azure Pipelines definition: the YAML block with `vmImage:`. */
export function azurePipelinesRecipe(readme: string): CiRecipe {
  const pipeline = parse(yamlBlock(readme, 'vmImage:')) as {
    variables?: unknown;
    steps: Record<string, unknown>[];
  };
  const steps = pipeline.steps.filter((step) => 'script' in step);
  return recipe(
    stringRecord(pipeline.variables),
    steps.map((step) => ({
      title: scalar(step['displayName'] ?? step['script']),
      script: scalar(step['script']),
      condition: step['condition'] === undefined ? undefined : scalar(step['condition']),
      env: stringRecord(step['env']),
    })),
  );
}

function recipe(env: Record<string, string>, steps: CiStep[]): CiRecipe {
  return {
    env,
    steps,
    step: (title) => {
      const found = steps.find((step) => step.title === title);
      if (!found) throw new Error(`no step "${title}" in ${steps.map((s) => s.title).join(', ')}`);
      return found;
    },
  };
}

/** The one fenced ```yaml block of the README that contains `marker`. */
function yamlBlock(readme: string, marker: string): string {
  const blocks = [...readme.matchAll(/^```yaml\n([\s\S]*?)^```$/gm)]
    .map((match) => match[1] ?? '')
    .filter((block) => block.includes(marker));
  if (blocks.length !== 1) throw new Error(`expected one yaml block with ${marker}`);
  return blocks[0] ?? '';
}

/** A YAML mapping of names to scalars (environment variables), as strings. */
function stringRecord(value: unknown): Record<string, string> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new Error('expected a mapping');
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([name, entry]) => [name, scalar(entry)]),
  );
}

/** A YAML scalar as the text a CI system sees. */
function scalar(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new Error(`expected a scalar, got ${JSON.stringify(value)}`);
}

import type { TenantFileProblem } from './tenant-file-error';

/**
 * Orders problems as their places appear in the file (a missing property after its siblings), so
 * the report reads top to bottom whichever check found them. Problems at one place keep their
 * order.
 */
export function sortProblems(
  problems: readonly TenantFileProblem[],
  json: unknown,
): TenantFileProblem[] {
  const positions = new Map(problems.map((problem) => [problem, positionOf(json, problem.path)]));
  return [...problems].sort((a, b) =>
    comparePositions(positions.get(a) ?? [], positions.get(b) ?? []),
  );
}

/** For each pointer segment, the index of that element or property within its parent. */
function positionOf(json: unknown, pointer: string): number[] {
  const position: number[] = [];
  let node = json;
  for (const segment of pointer.split('/').slice(1).map(unescapeSegment)) {
    if (Array.isArray(node)) {
      position.push(Number(segment));
      node = node[Number(segment)];
    } else if (typeof node === 'object' && node !== null) {
      const keys = Object.keys(node);
      const index = keys.indexOf(segment);
      position.push(index < 0 ? keys.length : index);
      node = (node as Record<string, unknown>)[segment];
    } else {
      position.push(0);
      node = undefined;
    }
  }
  return position;
}

function comparePositions(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i += 1) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) {
      return difference;
    }
  }
  // A place comes before the places inside it.
  return a.length - b.length;
}

function unescapeSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Deepest nesting a request body may have; real commands stay under 10 (a programme's planned unit split). */
export const MAX_BODY_DEPTH = 32;

/**
 * The path to the first value nested deeper than `limit`, or undefined. Iterative, so a hostile body cannot
 * overflow the stack here (class-transformer, which runs next, recurses and would).
 */
export function pathDeeperThan(value: unknown, limit: number): string | undefined {
  const stack: { value: unknown; depth: number; path: string }[] = [{ value, depth: 0, path: '' }];
  while (stack.length > 0) {
    const { value: current, depth, path } = stack.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= limit) return path || '(body)';
    for (const [key, child] of Object.entries(current)) stack.push({ value: child, depth: depth + 1, path: Array.isArray(current) ? `${path}[${key}]` : path ? `${path}.${key}` : key });
  }
  return undefined;
}

/** `member.created`, `member.*` or `*`: an endpoint's event type pattern, as its schema accepts it. */
export const EVENT_PATTERN = '^(\\*|[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*(\\.\\*)?)$';

/** Whether an endpoint pattern (`member.created`, `member.*`, `*`) covers an event type. */
export function matchesPattern(pattern: string, type: string): boolean {
  if (pattern === '*') return true;
  if (pattern.endsWith('.*')) return type.startsWith(pattern.slice(0, -1));
  return pattern === type;
}

export const matchesAny = (patterns: string[], type: string): boolean => patterns.some((p) => matchesPattern(p, type));

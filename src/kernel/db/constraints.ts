/**
 * Whether `error` is PostgreSQL refusing a write for the named constraint (an exclusion,
 * unique, check or foreign key): services turn the ones a user can cause into clear errors.
 */
export function violates(error: unknown, constraint: string): boolean {
  const e = error as { code?: unknown; constraint?: unknown } | null;
  return typeof e?.code === 'string' && e.code.startsWith('23') && e.constraint === constraint;
}

/** Slugs name tenants in host names and paths, so they are DNS labels and never a word we route on. */
export const SLUG_PATTERN = '^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$';
const slugRe = new RegExp(SLUG_PATTERN);

export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  'admin', 'api', 'app', 'assets', 'auth', 'billing', 'cdn', 'control', 'courtyard', 'dashboard', 'data', 'dev',
  'docs', 'help', 'internal', 'login', 'mail', 'metrics', 'ns', 'platform', 'portal', 'root', 'smtp', 'staging',
  'static', 'status', 'support', 'system', 'test', 'www',
]);

/** Why a slug cannot be used, or null if it can. */
export function slugProblem(slug: string): string | null {
  if (!slugRe.test(slug)) return 'must be 1–40 lowercase letters, digits or hyphens, starting and ending with a letter or digit';
  if (slug.includes('--')) return 'must not contain two hyphens in a row';
  if (RESERVED_SLUGS.has(slug)) return `"${slug}" is reserved`;
  return null;
}

import type { operations } from '@courtyard/sdk';

export type ApiKey = operations['apiKeys.get']['responses'][200]['content']['application/json'];

/** A key made now answers the key; a replayed request answers only its id. */
export const keyOf = (data: unknown): string | null => (data && typeof data === 'object' && 'key' in data && typeof data.key === 'string' ? data.key : null);

/** Permissions grouped by the area their key names (`members.read` → `members`), in order. */
export function groupPermissions(permissions: readonly string[]): [string, string[]][] {
  const groups = new Map<string, string[]>();
  for (const p of [...permissions].sort()) {
    const area = p.split('.')[0]!;
    groups.set(area, [...(groups.get(area) ?? []), p]);
  }
  return [...groups];
}

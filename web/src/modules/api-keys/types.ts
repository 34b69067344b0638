import type { operations } from '@courtyard/sdk';

export type ApiKey = operations['apiKeys.get']['responses'][200]['content']['application/json'];


/** Permissions grouped by the area their key names (`members.read` → `members`), in order. */
export function groupPermissions(permissions: readonly string[]): [string, string[]][] {
  const groups = new Map<string, string[]>();
  for (const p of [...permissions].sort()) {
    const area = p.split('.')[0]!;
    groups.set(area, [...(groups.get(area) ?? []), p]);
  }
  return [...groups];
}

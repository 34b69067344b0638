import type { MessageId } from '../../i18n/intl.js';

const SYSTEM = ['owner', 'manager', 'staff', 'member'] as const;

/**
 * A role as the pages show it: a system role's name and description come from the catalogue
 * (the server seeds them in English), a custom role's are the tenant's own words.
 */
export function shownRole<R extends { key: string; name: string; description?: string | null; system?: boolean }>(role: R, t: (id: MessageId) => string): R {
  const key = SYSTEM.find((k) => k === role.key);
  if (!key || role.system === false) return role;
  return { ...role, name: t(`roles.system.${key}.name`), ...(role.description !== undefined ? { description: t(`roles.system.${key}.description`) } : {}) };
}

import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../api/problem.js';
import { useApi } from '../api/session.js';
import { todayIn } from '../ui/dates.js';

/** What `/api/v1/me` tells the pages (its response has no schema in the document yet). */
export interface Me {
  user: { id: string; name: string; email: string; locale: string | null; memberId?: string | null };
  permissions: string[];
  /** Fields the user's roles hide, by resource (`members`: `email`, `phone`, `notes`); absent from older servers. */
  hiddenFields?: Record<string, string[]>;
  modules: string[];
  /** The tenant's time zone and default locale: absent from older servers (UTC, English). */
  tenant: { id: string; slug: string; name: string; timeZone?: string; defaultLocale?: string };
  branding: { displayName?: string; primaryColor?: string; logoUrl?: string };
}

export function useMe() {
  const api = useApi();
  return useQuery({ queryKey: ['me'], queryFn: async () => unwrap(await api.GET('/api/v1/me')) as Me, staleTime: 300_000 });
}

/** Today where the tenant is (`YYYY-MM-DD`), as the API counts days: forms' and reports' default date. */
export function useTenantToday(): string {
  return todayIn(useMe().data?.tenant.timeZone);
}

/** Whether the user may use a module: the tenant is licensed for it and one of the user's roles grants the permission. */
export const may = (me: Me | undefined, module: string, permission: string) => Boolean(me && (module === 'core' || me.modules.includes(module)) && me.permissions.includes(permission));

/** Whether the user's roles hide a field of a resource (a custom role's field restrictions): its column and input are left out. */
export const hides = (me: Me | undefined, resource: string, field: string) => Boolean(me?.hiddenFields?.[resource]?.includes(field));

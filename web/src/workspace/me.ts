import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../api/problem.js';
import { useApi } from '../api/session.js';

/** What `/api/v1/me` tells the pages (its response has no schema in the document yet). */
export interface Me {
  user: { id: string; name: string; email: string; locale: string | null };
  permissions: string[];
  modules: string[];
  tenant: { id: string; slug: string; name: string };
  branding: { displayName?: string; primaryColor?: string; logoUrl?: string };
}

export function useMe() {
  const api = useApi();
  return useQuery({ queryKey: ['me'], queryFn: async () => unwrap(await api.GET('/api/v1/me')) as Me, staleTime: 300_000 });
}

/** Whether the user may use a module: the tenant is licensed for it and one of the user's roles grants the permission. */
export const may = (me: Me | undefined, module: string, permission: string) => Boolean(me && (module === 'core' || me.modules.includes(module)) && me.permissions.includes(permission));

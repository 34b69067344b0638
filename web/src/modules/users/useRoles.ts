import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useT } from '../../i18n/intl.js';
import { shownRole } from '../roles/system-roles.js';

/** The tenant's roles (for the roles picker and the roles' names), system roles named in the page's language. */
export function useRoles() {
  const api = useApi();
  const t = useT();
  return useQuery({ queryKey: ['roles'], queryFn: async () => unwrap(await api.GET('/api/v1/roles')).data, staleTime: 300_000, select: (data) => data.map((r) => shownRole(r, t)) });
}

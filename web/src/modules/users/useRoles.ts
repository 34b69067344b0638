import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../../api/problem.js';
import { useApi } from '../../api/session.js';

/** The tenant's roles (for the roles picker and the roles' names). */
export function useRoles() {
  const api = useApi();
  return useQuery({ queryKey: ['roles'], queryFn: async () => unwrap(await api.GET('/api/v1/roles')).data, staleTime: 300_000 });
}

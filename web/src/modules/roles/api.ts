import { useQuery } from '@tanstack/react-query';
import type { CourtyardClient, operations } from '@courtyard/sdk';
import { unwrap } from '../../api/problem.js';
import { useApi } from '../../api/session.js';

/** The roles API as these pages use it. */
export type Role = operations['roles.get']['responses'][200]['content']['application/json'];
/** A role as the list shows it, with how many users hold it. */
export type ListedRole = operations['roles.list']['responses'][200]['content']['application/json']['data'][number];
/** What the role form sends (a change leaves the key out). */
export type RoleBody = operations['roles.create']['requestBody']['content']['application/json'];
export type FieldRestrictions = Role['fieldRestrictions'];

const byId = (id: string) => ({ params: { path: { id } } });

export const rolesApi = (api: CourtyardClient) => ({
  list: async () => unwrap(await api.GET('/api/v1/roles')),
  get: async (id: string) => unwrap(await api.GET('/api/v1/roles/{id}', byId(id))),
  catalogue: async () => unwrap(await api.GET('/api/v1/permissions')),
  create: (body: RoleBody, headers: Record<string, string>) => api.POST('/api/v1/roles', { headers, body }),
  update: (id: string, body: Omit<RoleBody, 'key'>) => api.PATCH('/api/v1/roles/{id}', { ...byId(id), body }),
  remove: (id: string, headers: Record<string, string>) => api.DELETE('/api/v1/roles/{id}', { ...byId(id), headers }),
});

/** The permission catalogue and the restrictable fields: read again on each form, since the tenant's custom objects add to them. */
export function useCatalogue() {
  const api = useApi();
  return useQuery({ queryKey: ['permissions'], queryFn: () => rolesApi(api).catalogue(), staleTime: 0 });
}

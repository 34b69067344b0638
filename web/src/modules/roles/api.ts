import { useQuery } from '@tanstack/react-query';
import type { CourtyardClient } from '@courtyard/sdk';
import { unwrap } from '../../api/problem.js';
import { useApi } from '../../api/session.js';

/**
 * The roles API as these pages use it. The routes are new: until the SDK is generated again
 * (`npm run sdk:generate`, after merging) its typed paths do not name them, so the calls go
 * through the same client, typed here by hand.
 */
export interface FieldRestrictions {
  [resource: string]: { hidden: string[] };
}
export interface Role {
  id: string;
  key: string;
  name: string;
  description: string;
  permissions: string[];
  fieldRestrictions: FieldRestrictions;
  system: boolean;
  users?: number;
}
export interface Catalogue {
  data: { key: string; description: string; module: string; stepUp: boolean }[];
  fields: { module: string; resource: string; fields: { key: string; description: string }[] }[];
}
export type RoleBody = { key?: string; name: string; description: string; permissions: string[]; fieldRestrictions: FieldRestrictions };

type Answer<R> = { data?: R; error?: unknown; response: Response };
interface Untyped {
  GET(path: string, init?: object): Promise<Answer<unknown>>;
  POST(path: string, init?: object): Promise<Answer<unknown>>;
  PATCH(path: string, init?: object): Promise<Answer<unknown>>;
  DELETE(path: string, init?: object): Promise<Answer<unknown>>;
}
const untyped = (api: CourtyardClient) => api as unknown as Untyped;
const byId = (id: string) => ({ params: { path: { id } } });

export const rolesApi = (api: CourtyardClient) => ({
  list: async () => unwrap(await untyped(api).GET('/api/v1/roles')) as { data: Role[] },
  get: async (id: string) => unwrap(await untyped(api).GET('/api/v1/roles/{id}', byId(id))) as Role,
  catalogue: async () => unwrap(await untyped(api).GET('/api/v1/permissions')) as Catalogue,
  create: (body: RoleBody, headers: Record<string, string>) => untyped(api).POST('/api/v1/roles', { headers, body }) as Promise<Answer<Role>>,
  update: (id: string, body: Omit<RoleBody, 'key'>) => untyped(api).PATCH('/api/v1/roles/{id}', { ...byId(id), body }) as Promise<Answer<Role>>,
  remove: (id: string, headers: Record<string, string>) => untyped(api).DELETE('/api/v1/roles/{id}', { ...byId(id), headers }),
});

/** The permission catalogue and the restrictable fields (they change only with the installed modules). */
export function useCatalogue() {
  const api = useApi();
  return useQuery({ queryKey: ['permissions'], queryFn: () => rolesApi(api).catalogue(), staleTime: 300_000 });
}

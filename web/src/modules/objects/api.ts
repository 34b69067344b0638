import { useQuery } from '@tanstack/react-query';
import type { CourtyardClient } from '@courtyard/sdk';
import { unwrap } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useMe } from '../../workspace/me.js';
import { mayReadSomeObject, withoutHiddenFields } from './access.js';
import { asDefinition, type ObjectRecord } from './types.js';

/** Query keys: definitions under one key, so that a change to the data model refreshes the navigation too. */
export const definitionsKey = ['objects', 'definitions'] as const;
export const definitionKey = (key: string) => ['objects', 'definitions', key] as const;
export const recordsKey = (key: string) => ['objects', 'records', key] as const;
export const recordKey = (key: string, id: string) => ['objects', 'records', key, 'one', id] as const;

/** The tenant's objects (not the standard records' custom fields), for those who may read them. */
export function useDefinitions() {
  const api = useApi();
  const me = useMe();
  return useQuery({
    queryKey: definitionsKey,
    enabled: mayReadSomeObject(me.data),
    queryFn: async () => unwrap(await api.GET('/api/v1/objects/definitions')).data.map(asDefinition).filter((d) => d.kind === 'object'),
    staleTime: 60_000,
  });
}

export function useDefinition(key: string, enabled = true) {
  const api = useApi();
  const me = useMe();
  return useQuery({
    queryKey: definitionKey(key),
    enabled,
    queryFn: async () => asDefinition(unwrap(await api.GET('/api/v1/objects/definitions/{key}', { params: { path: { key } } }))),
    // Fields a role hides are no columns, inputs or filters: the API answers none of their values.
    select: (d) => withoutHiddenFields(me.data, d),
  });
}

/** The list's filters (`filter[...]`) are not in the SDK's query type: the API takes any such parameter. */
export async function listRecords(api: CourtyardClient, key: string, query: Record<string, string | number>): Promise<{ data: ObjectRecord[]; nextCursor: string | null }> {
  const answer = unwrap(await api.GET('/api/v1/objects/{key}/records', { params: { path: { key }, query: query as { limit: number } } }));
  return answer as { data: ObjectRecord[]; nextCursor: string | null };
}

export async function getRecord(api: CourtyardClient, key: string, id: string): Promise<ObjectRecord> {
  return unwrap(await api.GET('/api/v1/objects/{key}/records/{id}', { params: { path: { key, id } } })) as ObjectRecord;
}

export function useRecord(key: string, id: string) {
  const api = useApi();
  return useQuery({ queryKey: recordKey(key, id), queryFn: () => getRecord(api, key, id) });
}


import { useQueries } from '@tanstack/react-query';
import { unwrap } from '../../api/problem.js';
import { useApi } from '../../api/session.js';

/**
 * Unit labels and member names for the ids a page shows (a lease carries ids only), each read
 * once and cached under the same keys as the unit's and the member's own pages.
 */
export function useNames(unitIds: string[], memberIds: string[]) {
  const api = useApi();
  const units = useQueries({
    queries: [...new Set(unitIds)].map((id) => ({
      queryKey: ['unit', id],
      queryFn: async () => unwrap(await api.GET('/api/v1/units/{id}', { params: { path: { id } } })),
      staleTime: 60_000,
    })),
  });
  const members = useQueries({
    queries: [...new Set(memberIds)].map((id) => ({
      queryKey: ['member', id],
      queryFn: async () => unwrap(await api.GET('/api/v1/members/{id}', { params: { path: { id } } })),
      staleTime: 60_000,
    })),
  });
  const unitLabel = new Map(units.flatMap((q) => (q.data ? [[q.data.id, q.data.label] as const] : [])));
  const memberName = new Map(members.flatMap((q) => (q.data ? [[q.data.id, `${q.data.firstName} ${q.data.lastName}`] as const] : [])));
  return { unitLabel: (id: string) => unitLabel.get(id) ?? '…', memberName: (id: string) => memberName.get(id) ?? '…' };
}

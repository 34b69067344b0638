import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../../api/problem.js';
import { useApi } from '../../api/session.js';

/** The control event catalogue (`GET /control/v1/webhooks/event-types`), for the events pickers. */
export function useEventTypes(): string[] {
  const api = useApi();
  const types = useQuery({ queryKey: ['control-event-types'], queryFn: async () => unwrap(await api.GET('/control/v1/webhooks/event-types')), staleTime: Infinity });
  return (types.data?.data ?? []).map((e) => e.type);
}

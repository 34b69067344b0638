import { useCallback, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { operations } from '@courtyard/sdk';
import { useApi } from '../../api/session.js';

export type Tenant = operations['control.tenants.get']['responses'][200]['content']['application/json'];
const POLL_MS = 500;

/**
 * The API provisions a tenant within the request that creates it (or retries it), recording its
 * progress on the tenant after every step. While such a request is in flight, this asks for the
 * tenant every half second, so the page shows each step as it completes.
 */
export function useProvisioningWatch() {
  const api = useApi();
  const [live, setLive] = useState<Tenant | null>(null);
  const generation = useRef(0);
  const during = useCallback(
    async <R>(slug: string, request: () => Promise<R>): Promise<R> => {
      const mine = ++generation.current;
      let stop = false;
      void (async () => {
        while (!stop) {
          await new Promise((resolve) => window.setTimeout(resolve, POLL_MS));
          if (stop) return;
          const answer = await api.GET('/control/v1/tenants/{tenant}', { params: { path: { tenant: slug } } }).catch(() => null);
          if (!stop && generation.current === mine && answer?.data) setLive(answer.data);
        }
      })();
      try {
        return await request();
      } finally {
        stop = true;
        if (generation.current === mine) setLive(null);
      }
    },
    [api],
  );
  return { live, during };
}

/** Everything a change to a tenant may change: the tenant, its licence, the list. */
export function useTenantChanged(slug: string) {
  const queries = useQueryClient();
  return useCallback(
    (tenant?: Tenant) => {
      if (tenant) queries.setQueryData(['tenant', slug], tenant);
      else void queries.invalidateQueries({ queryKey: ['tenant', slug] });
      void queries.invalidateQueries({ queryKey: ['licence', slug] });
      void queries.invalidateQueries({ queryKey: ['tenants'] });
    },
    [queries, slug],
  );
}

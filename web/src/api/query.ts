import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './problem.js';

/** Queries retry what may pass on a second try (the network, a 5xx), never a refusal. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (count, error) => count < 2 && !(error instanceof ApiError && error.problem.status < 500),
      },
    },
  });
}

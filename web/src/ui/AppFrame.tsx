import { useEffect, useState, type ReactNode } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import type { Plane } from '../api/plane.js';
import { createQueryClient } from '../api/query.js';
import { SessionFrame, useSessionFrame } from './SessionFrame.js';

export { Loading } from './SessionFrame.js';

/** Queries of the signed-in pages: nothing read while signed in outlives the session. */
function Queries({ children }: { children: ReactNode }) {
  const frame = useSessionFrame();
  const [queries] = useState(createQueryClient);
  useEffect(() => frame?.onSignedOut(() => queries.clear()), [frame, queries]);
  return <QueryClientProvider client={queries}>{children}</QueryClientProvider>;
}

/**
 * What the console and the workspace share around their router: messages, the session and
 * queries. main.tsx starts the session (SessionFrame) before this chunk loads; then this adds the
 * queries only. Rendered on its own, it brings the session too.
 */
export function AppFrame({ plane, children }: { plane: Plane; children: ReactNode }) {
  const frame = useSessionFrame();
  if (frame) return <Queries>{children}</Queries>;
  return (
    <SessionFrame plane={plane}>
      <Queries>{children}</Queries>
    </SessionFrame>
  );
}

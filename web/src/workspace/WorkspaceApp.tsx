import { useState } from 'react';
import { RouterProvider } from '@tanstack/react-router';
import type { Plane } from '../api/plane.js';
import { AppFrame } from '../ui/AppFrame.js';
import { createWorkspaceRouter } from './routes.js';

/** A tenant's workspace (`/t/{slug}/`, or `/` on the tenant's host): for its staff. */
export function WorkspaceApp({ plane }: { plane: Plane }) {
  const [router] = useState(() => createWorkspaceRouter(plane));
  return (
    <AppFrame plane={plane}>
      <RouterProvider router={router} />
    </AppFrame>
  );
}

import { useState } from 'react';
import { RouterProvider } from '@tanstack/react-router';
import type { Plane } from '../api/plane.js';
import { AppFrame } from '../ui/AppFrame.js';
import { createPortalRouter } from './routes.js';

/** A tenant's member portal (`/t/{slug}/portal/`, or `/portal/` on the tenant's host): for its residents, owners and renters. */
export function PortalApp({ plane }: { plane: Plane }) {
  const [router] = useState(() => createPortalRouter(plane));
  return (
    <AppFrame plane={plane}>
      <RouterProvider router={router} />
    </AppFrame>
  );
}

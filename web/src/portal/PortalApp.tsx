import type { Plane } from '../api/plane.js';
import { AppFrame } from '../ui/AppFrame.js';
import { PortalRoot } from './root.js';
import { PortalRouter } from './router.js';
import { portalPages } from './routes.js';

/** A tenant's member portal (`/t/{slug}/portal/`, or `/portal/` on the tenant's host): for its residents, owners and renters. */
export function PortalApp({ plane }: { plane: Plane }) {
  return (
    <AppFrame plane={plane}>
      <PortalRouter basepath={plane.basepath} pages={portalPages}>
        <PortalRoot />
      </PortalRouter>
    </AppFrame>
  );
}

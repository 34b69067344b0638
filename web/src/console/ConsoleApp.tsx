import { useState } from 'react';
import { RouterProvider } from '@tanstack/react-router';
import type { Plane } from '../api/plane.js';
import { AppFrame } from '../ui/AppFrame.js';
import { createConsoleRouter } from './routes.js';

/** The platform console (`/console/`): for platform operators. */
export function ConsoleApp({ plane }: { plane: Plane }) {
  const [router] = useState(createConsoleRouter);
  return (
    <AppFrame plane={plane}>
      <RouterProvider router={router} />
    </AppFrame>
  );
}

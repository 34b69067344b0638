import type { Plane } from './plane.js';

/**
 * Whether this browser was signed in to this plane when it last looked: a hint, not a
 * credential (the session itself is the HttpOnly refresh cookie). A reload that finds it starts
 * loading the application's code while the silent refresh is still in flight, instead of after
 * it: the two waits overlap, and the first rows come one round trip sooner. A wrong hint costs
 * only a chunk loaded early; storage refused (private modes) just means no head start.
 */
const key = (plane: Plane) => `courtyard.signedIn:${plane.kind === 'console' ? 'console' : (plane.slug ?? '')}`;

export function wasSignedIn(plane: Plane): boolean {
  try {
    return localStorage.getItem(key(plane)) === '1';
  } catch {
    return false;
  }
}

export function rememberSignedIn(plane: Plane, signedIn: boolean): void {
  try {
    if (signedIn) localStorage.setItem(key(plane), '1');
    else localStorage.removeItem(key(plane));
  } catch {
    // No storage: no hint, nothing else changes.
  }
}

/**
 * Which application a page belongs to, read from its address: the platform console at
 * `/console/`, a tenant's workspace at `/t/{slug}/` or at `/` on the tenant's own host, and a
 * tenant's member portal at `/t/{slug}/portal/` or `/portal/` on the tenant's host (the API
 * finds the tenant by host name, as it does for every request).
 */
export type Plane = { kind: 'console'; basepath: '/console' } | { kind: 'workspace' | 'portal'; basepath: string; slug: string | null };

const PORTAL = /^\/portal(?:\/|$)/;

export function planeOf(pathname: string): Plane {
  if (pathname === '/console' || pathname.startsWith('/console/')) return { kind: 'console', basepath: '/console' };
  const tenant = /^\/t\/([a-z0-9-]{1,40})(?:\/|$)/.exec(pathname);
  if (tenant) {
    const slug = tenant[1]!;
    const rest = pathname.slice(`/t/${slug}`.length);
    return PORTAL.test(rest) ? { kind: 'portal', basepath: `/t/${slug}/portal`, slug } : { kind: 'workspace', basepath: `/t/${slug}`, slug };
  }
  if (PORTAL.test(pathname)) return { kind: 'portal', basepath: '/portal', slug: null };
  return { kind: 'workspace', basepath: '/', slug: null };
}

/** The tenant's workspace and portal addresses, from either of them: `/t/{slug}` or the host's `/`. */
export function tenantHomes(plane: Plane): { workspace: string; portal: string } {
  const root = plane.kind !== 'console' && plane.slug ? `/t/${plane.slug}` : '';
  return { workspace: `${root}/`, portal: `${root}/portal/` };
}

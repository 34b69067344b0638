/**
 * Which application a page belongs to, read from its address: the platform console at
 * `/console/`, a tenant's workspace at `/t/{slug}/`, or a tenant's workspace at `/` on the
 * tenant's own host (the API finds the tenant by host name, as it does for every request).
 */
export type Plane = { kind: 'console'; basepath: '/console' } | { kind: 'workspace'; basepath: string; slug: string | null };

export function planeOf(pathname: string): Plane {
  if (pathname === '/console' || pathname.startsWith('/console/')) return { kind: 'console', basepath: '/console' };
  const tenant = /^\/t\/([a-z0-9-]{1,40})(?:\/|$)/.exec(pathname);
  if (tenant) return { kind: 'workspace', basepath: `/t/${tenant[1]}`, slug: tenant[1]! };
  return { kind: 'workspace', basepath: '/', slug: null };
}

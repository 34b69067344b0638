/**
 * What a route needs, declared next to it. Every route is one of these; a route with no
 * declaration is refused when it is registered, and a test walks the route table.
 */
export type RouteAccess =
  /** Reachable without authentication: a deliberate, reviewed allowlist. */
  | { public: true; module: string }
  /** Any authenticated principal (of the resolved tenant, on the data plane). */
  | { module: string; authenticated: true }
  /** An authenticated principal holding `permission`, in a tenant licensed for `module`. */
  | { module: string; permission: string };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}

export const isPublic = (a: RouteAccess): a is { public: true; module: string } => 'public' in a && a.public;
export const permissionOf = (a: RouteAccess): string | null => ('permission' in a ? a.permission : null);

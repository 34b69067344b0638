/**
 * What a route needs, declared next to it. Every route is one of these; a route with no
 * declaration is refused when it is registered, and a test walks the route table.
 */
export type RouteAccess =
  /** Reachable without authentication: a deliberate, reviewed allowlist. */
  | { public: true; module: string }
  /** Any authenticated principal (of the resolved tenant, on the data plane). */
  | { module: string; authenticated: true }
  /**
   * An authenticated principal holding `permission`, in a tenant licensed for `module`; or,
   * when `own` is named, a principal linked to a member and holding `own`, whom the service
   * then confines to that member's own records (see `readScope`).
   *
   * `scope` admits too a principal holding the permission for one resource only (see
   * security/scoped-permissions.ts: `objects.permit.read` for `objects.read`): the path
   * parameter it names is the resource, and a principal holding the permission for other
   * resources but not this one is answered 404, as if it did not exist. `'*'` (a list over
   * every resource) admits whoever holds it for any resource; the service shows only theirs.
   */
  | { module: string; permission: string; own?: string; scope?: string };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    /**
     * Problem statuses the route answers beyond those its access and schema imply (a sign-in's
     * 401 and 429), for the OpenAPI document (http/openapi.ts).
     */
    problems?: number[];
    /**
     * A control-plane action dangerous enough to need a recent second factor from an operator
     * who has one (suspending a tenant, reissuing a licence): see control.routes.ts. The data
     * plane marks such permissions in its modules' manifests instead.
     */
    stepUp?: boolean;
  }
}

export const isPublic = (a: RouteAccess): a is { public: true; module: string } => 'public' in a && a.public;
export const permissionOf = (a: RouteAccess): string | null => ('permission' in a ? a.permission : null);
export const scopeOf = (a: RouteAccess): string | null => ('scope' in a && a.scope ? a.scope : null);
export const ownPermissionOf = (a: RouteAccess): string | null => ('own' in a && a.own ? a.own : null);

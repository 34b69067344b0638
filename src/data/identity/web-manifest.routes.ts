import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { HttpApp } from '../../kernel/http/app.js';
import { pathTenantOf } from '../tenant-resolution.js';

const DEFAULT_THEME = '#1e3a5f';
const ICONS = [
  { src: '/assets/courtyard-icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
  { src: '/assets/courtyard-icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
  { src: '/assets/courtyard-icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
];

const Manifest = Type.Object({
  id: Type.String(),
  name: Type.String(),
  short_name: Type.String(),
  start_url: Type.String(),
  scope: Type.String(),
  display: Type.Literal('standalone'),
  theme_color: Type.String(),
  background_color: Type.String(),
  icons: Type.Array(Type.Object({ src: Type.String(), sizes: Type.String(), type: Type.String(), purpose: Type.String() })),
}, { description: 'A W3C web app manifest' });

const portalPath = (req: FastifyRequest) => {
  const slug = pathTenantOf(req.raw);
  return slug ? `/t/${slug}/portal/` : '/portal/';
};

/**
 * The member portal's web app manifest: what a phone installs (docs/portal.md#install), in the
 * tenant's name and colour. Public, like the sign-in page that links it: it says nothing the
 * tenant's own pages do not.
 */
export function webManifestRoutes(app: HttpApp): void {
  app.get('/portal/manifest', {
    config: { access: { public: true, module: 'core' } },
    schema: { operationId: 'portal.manifest', tags: ['settings'], summary: "The member portal's web app manifest (the tenant's name, colour and icons), for installing it on a phone", response: { 200: Manifest } },
  }, async (req, reply) => {
    const tenant = req.ctx.tenant;
    const name = tenant.branding.displayName ?? tenant.name;
    const scope = portalPath(req);
    reply.type('application/manifest+json; charset=utf-8').header('cache-control', 'no-cache');
    return {
      id: scope,
      name,
      short_name: name.length <= 12 ? name : name.split(/\s+/)[0]!.slice(0, 12),
      start_url: scope,
      scope,
      display: 'standalone' as const,
      theme_color: tenant.branding.primaryColor ?? DEFAULT_THEME,
      background_color: '#ffffff',
      icons: ICONS,
    };
  });
}

import { Type } from 'typebox';
import type { HttpApp } from '../../kernel/http/app.js';
import { LOCALES } from '../../kernel/i18n/locale.js';

const NullableString = Type.Union([Type.String(), Type.Null()]);

const PortalBranding = Type.Object({
  displayName: Type.String({ description: "The tenant's display name, or its name when none is set." }),
  logoUrl: NullableString,
  primaryColor: NullableString,
  defaultLocale: Type.Enum(LOCALES, { description: 'The language of the pages before anyone signs in.' }),
});

/**
 * What the portal's signed-out pages (sign-in, forgot and reset password, accept an invitation)
 * show of the tenant. Public, like the web app manifest: only what the tenant's own pages show
 * to anyone who opens them; never the support address, the time zone or anything of a member.
 */
export function portalBrandingRoutes(app: HttpApp): void {
  app.get('/portal/branding', {
    config: { access: { public: true, module: 'core' } },
    schema: { operationId: 'portal.branding', tags: ['settings'], summary: "The tenant's name, logo, colour and default language, for the portal's pages before sign-in", response: { 200: PortalBranding } },
  }, async (req, reply) => {
    const tenant = req.ctx.tenant;
    reply.header('cache-control', 'no-cache');
    return {
      displayName: tenant.branding.displayName ?? tenant.name,
      logoUrl: tenant.branding.logoUrl ?? null,
      primaryColor: tenant.branding.primaryColor ?? null,
      defaultLocale: (LOCALES as readonly string[]).includes(tenant.defaultLocale) ? (tenant.defaultLocale as (typeof LOCALES)[number]) : 'en',
    };
  });
}

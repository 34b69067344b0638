import { Type } from 'typebox';
import type { Branding as BrandingValue } from '../../kernel/context.js';
import type { HttpApp } from '../../kernel/http/app.js';
import { DefaultLocale, Email, TimeZone } from '../../kernel/http/schemas.js';
import type { Regional as RegionalValue } from '../../kernel/regional.js';
import type { BrandingChange, TenantSettingsStore } from '../../kernel/tenant-directory.js';
import { requestPrincipal, requestTenant } from '../pipeline.js';
import type { TwoStepService } from './two-step.service.js';

const module = 'core';
const tags = ['settings'];

const Color = Type.String({ pattern: '^#[0-9a-fA-F]{6}$', description: 'A colour as `#rrggbb`.' });
const LogoUrl = Type.String({ format: 'uri', pattern: '^https://', maxLength: 2000, description: 'An https URL of an image.' });
const DisplayName = Type.String({ minLength: 1, maxLength: 100 });

const Branding = Type.Object(
  {
    displayName: Type.Optional(DisplayName),
    primaryColor: Type.Optional(Color),
    accentColor: Type.Optional(Color),
    logoUrl: Type.Optional(LogoUrl),
    supportEmail: Type.Optional(Email),
  },
  { additionalProperties: false },
);
const orNull = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Optional(Type.Union([schema, Type.Null()]));
const BrandingPatch = Type.Object(
  {
    displayName: orNull(DisplayName),
    primaryColor: orNull(Color),
    accentColor: orNull(Color),
    logoUrl: orNull(LogoUrl),
    supportEmail: orNull(Email),
  },
  { additionalProperties: false, minProperties: 1, description: 'A value sets the field, null removes it (back to the default), an absent field is kept.' },
);

const TwoStepSettings = Type.Object({ requiredRoles: Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 20, description: 'Role keys whose users must sign in with two steps' }) }, { additionalProperties: false });

const Regional = Type.Object({ timeZone: Type.String({ description: 'The IANA time zone the tenant\'s calendar follows' }), defaultLocale: Type.String({ description: 'The language of users who chose none' }) });
const RegionalPatch = Type.Object({ timeZone: Type.Optional(TimeZone), defaultLocale: Type.Optional(DefaultLocale) }, { additionalProperties: false, minProperties: 1 });

const changed = new WeakMap<object, BrandingValue>();
const regionalChanged = new WeakMap<object, RegionalValue>();
const regionalOf = (tenant: { timeZone: string; defaultLocale: string }): RegionalValue => ({ timeZone: tenant.timeZone, defaultLocale: tenant.defaultLocale });

/**
 * The tenant's settings as its own users see them: its branding (shown in the workspace's top
 * bar and in its e-mail). The registry keeps it; these routes go through the kernel's
 * TenantSettingsStore, which the control plane implements. Reading takes the branding the
 * request's tenant was resolved with (what /me shows); a change is written to the registry in
 * a pre-handler, after the gates and before the tenant transaction, so the request never holds
 * its tenant connection while it waits for the registry's (on PGlite they are the same one).
 * The roles that must sign in with two steps are the tenant's own data, in its database.
 */
export function settingsRoutes(app: HttpApp, settings: TenantSettingsStore, twoStep: TwoStepService): void {
  app.get('/settings/branding', {
    config: { access: { module, permission: 'settings.read' } },
    schema: { operationId: 'settings.branding.get', tags, summary: "The tenant's branding: display name, colours, logo, support address", response: { 200: Branding } },
  }, (req) => req.ctx.tenant.branding);

  app.patch('/settings/branding', {
    config: { access: { module, permission: 'settings.write' } },
    schema: { operationId: 'settings.branding.update', tags, summary: "Change the tenant's branding (null removes a field)", body: BrandingPatch, response: { 200: Branding } },
    preHandler: async (req) => {
      const tenant = requestTenant(req);
      const actor = `tenant:${tenant.slug}:user:${requestPrincipal(req)?.userId ?? 'unknown'}`;
      changed.set(req, await settings.updateBranding(tenant.id, req.body as BrandingChange, actor));
    },
  }, (req) => changed.get(req) ?? req.ctx.tenant.branding);

  // The time zone and default locale: kept and changed like the branding.
  app.get('/settings/regional', {
    config: { access: { module, permission: 'settings.read' } },
    schema: { operationId: 'settings.regional.get', tags, summary: "The tenant's time zone and default locale", response: { 200: Regional } },
  }, (req) => regionalOf(req.ctx.tenant));

  app.patch('/settings/regional', {
    config: { access: { module, permission: 'settings.write' } },
    schema: { operationId: 'settings.regional.update', tags, summary: "Change the tenant's time zone (an IANA name) or default locale", body: RegionalPatch, response: { 200: Regional } },
    preHandler: async (req) => {
      const tenant = requestTenant(req);
      const actor = `tenant:${tenant.slug}:user:${requestPrincipal(req)?.userId ?? 'unknown'}`;
      regionalChanged.set(req, await settings.updateRegional(tenant.id, req.body as Partial<RegionalValue>, actor));
    },
  }, (req) => regionalChanged.get(req) ?? regionalOf(req.ctx.tenant));

  app.get('/settings/two-step', {
    config: { access: { module, permission: 'settings.read' } },
    schema: { operationId: 'settings.twoStep.get', tags, summary: 'The roles whose users must sign in with two steps', response: { 200: TwoStepSettings } },
  }, (req) => twoStep.requiredRoles(req.ctx));

  app.patch('/settings/two-step', {
    config: { access: { module, permission: 'settings.write' } },
    schema: { operationId: 'settings.twoStep.update', tags, summary: 'Choose the roles whose users must sign in with two steps (those not enrolled enrol at their next sign-in)', body: TwoStepSettings, response: { 200: TwoStepSettings } },
  }, (req) => twoStep.setRequiredRoles(req.ctx, req.body.requiredRoles));
}

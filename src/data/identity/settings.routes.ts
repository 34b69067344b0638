import { Type } from 'typebox';
import { principalOf, type TenantContext } from '../../kernel/context.js';
import type { HttpApp } from '../../kernel/http/app.js';
import { Email } from '../../kernel/http/schemas.js';
import type { BrandingChange, TenantSettingsStore } from '../../kernel/tenant-directory.js';

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

const actorOf = (ctx: TenantContext) => `tenant:${ctx.tenant.slug}:user:${principalOf(ctx).userId}`;

/**
 * The tenant's settings as its own users see them: its branding (shown in the workspace's top
 * bar and in its e-mail). The registry keeps it; these routes go through the kernel's
 * TenantSettingsStore, which the control plane implements.
 */
export function settingsRoutes(app: HttpApp, settings: TenantSettingsStore): void {
  app.get('/settings/branding', {
    config: { access: { module, permission: 'settings.read' } },
    schema: { operationId: 'settings.branding.get', tags, summary: "The tenant's branding: display name, colours, logo, support address", response: { 200: Branding } },
  }, (req) => settings.branding(req.ctx.tenant.id));

  app.patch('/settings/branding', {
    config: { access: { module, permission: 'settings.write' } },
    schema: { operationId: 'settings.branding.update', tags, summary: "Change the tenant's branding (null removes a field)", body: BrandingPatch, response: { 200: Branding } },
  }, (req) => settings.updateBranding(req.ctx.tenant.id, req.body as BrandingChange, actorOf(req.ctx)));
}

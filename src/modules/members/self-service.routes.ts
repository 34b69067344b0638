import { Type } from 'typebox';
import type { HttpApp } from '../../kernel/http/app.js';
import { Email, Nullable, Uuid } from '../../kernel/http/schemas.js';
import { Address, Name, Phone } from './members.schemas.js';
import { myDetails, selfServiceSettings, SELF_EDITABLE_FIELDS, setSelfServiceSettings, updateMyDetails, type MyDetailsPatch, type SelfServiceSettings as Settings } from './self-service.service.js';

const module = 'members';

const EditableFields = Type.Array(Type.Enum(SELF_EDITABLE_FIELDS, { type: 'string' }), {
  uniqueItems: true,
  maxItems: SELF_EDITABLE_FIELDS.length,
  description: 'The contact details members may change themselves in the portal (by default `phone` and `address`)',
});
const SelfServiceSettings = Type.Object({ editableFields: EditableFields }, { additionalProperties: false });

const MyDetails = Type.Object({
  id: Uuid,
  firstName: Type.String(),
  lastName: Type.String(),
  email: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  address: Nullable(Type.String()),
  editableFields: EditableFields,
});
const MyDetailsPatch = Type.Object(
  {
    firstName: Type.Optional(Name),
    lastName: Type.Optional(Name),
    email: Type.Optional(Type.Union([Email, Type.Null()])),
    phone: Type.Optional(Type.Union([Phone, Type.Null()])),
    address: Type.Optional(Type.Union([Address, Type.Null()])),
  },
  { additionalProperties: false, minProperties: 1, description: 'Only the fields in `editableFields`; null clears one. Any other is refused (`members.field_not_editable`).' },
);

/**
 * A member's own contact details, read and changed by the member (the portal's My details), and
 * the tenant's setting of which of them members may change. The `own` permissions admit portal
 * logins; the service always acts on the login's own member, whatever permissions it holds.
 */
export function selfServiceRoutes(app: HttpApp): void {
  app.get('/settings/member-self-service', {
    config: { access: { module, permission: 'settings.read' } },
    schema: { operationId: 'settings.memberSelfService.get', tags: ['settings'], summary: 'Which contact details members may change themselves in the portal', response: { 200: SelfServiceSettings } },
  }, (req) => selfServiceSettings(req.ctx));

  app.patch('/settings/member-self-service', {
    config: { access: { module, permission: 'settings.write' } },
    schema: { operationId: 'settings.memberSelfService.update', tags: ['settings'], summary: 'Choose which contact details members may change themselves', body: SelfServiceSettings, response: { 200: SelfServiceSettings } },
  }, (req) => setSelfServiceSettings(req.ctx, req.body as Settings));

  app.get('/members/me', {
    config: { access: { module, permission: 'members.read', own: 'members.read.own' } },
    schema: { operationId: 'members.me.get', tags: ['members'], summary: 'Your own member details, and which of them you may change', response: { 200: MyDetails } },
  }, (req) => myDetails(req.ctx));

  app.patch('/members/me', {
    config: { access: { module, permission: 'members.write', own: 'members.write.own' } },
    schema: { operationId: 'members.me.update', tags: ['members'], summary: 'Change your own contact details (only those the tenant lets members change)', body: MyDetailsPatch, response: { 200: MyDetails } },
  }, (req) => updateMyDetails(req.ctx, req.body as MyDetailsPatch));
}

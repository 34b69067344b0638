import type { TenantContext } from '../../kernel/context.js';
import { principalOf } from '../../kernel/context.js';
import { AppError } from '../../kernel/errors.js';
import { emit } from '../../kernel/events/outbox.js';
import { recordAudit } from '../audit/index.js';
import { membersErrors } from './members.errors.js';
import { MembersRepository } from './members.repository.js';
import type { Member } from './members.schemas.js';
import { SelfServiceRepository } from './self-service.repository.js';

/** The contact details a tenant may let members change themselves, from the portal. */
export const SELF_EDITABLE_FIELDS = ['firstName', 'lastName', 'email', 'phone', 'address'] as const;
export type SelfEditableField = (typeof SELF_EDITABLE_FIELDS)[number];
/** Until the tenant chooses: the phone and the address; the name and e-mail stay the office's. */
export const DEFAULT_SELF_EDITABLE: readonly SelfEditableField[] = ['phone', 'address'];

export interface SelfServiceSettings {
  editableFields: SelfEditableField[];
}
export interface MyDetails extends SelfServiceSettings {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  address: string | null;
}
export type MyDetailsPatch = Partial<Pick<Member, SelfEditableField>>;

/** In the catalogue's order, whatever order they were stored or sent in. */
const ordered = (fields: readonly string[]): SelfEditableField[] => SELF_EDITABLE_FIELDS.filter((f) => fields.includes(f));

export async function selfServiceSettings(ctx: Pick<TenantContext, 'db'>): Promise<SelfServiceSettings> {
  return { editableFields: ordered((await new SelfServiceRepository(ctx.db).editableFields()) ?? DEFAULT_SELF_EDITABLE) };
}

export async function setSelfServiceSettings(ctx: TenantContext, next: SelfServiceSettings): Promise<SelfServiceSettings> {
  const before = await selfServiceSettings(ctx);
  const editableFields = ordered(next.editableFields);
  await new SelfServiceRepository(ctx.db).setEditableFields(ctx.tenant.id, editableFields);
  await recordAudit(ctx, { action: 'settings.member_self_service.changed', target: { type: 'settings', id: 'member_self_service' }, details: { from: before.editableFields, to: editableFields } });
  return { editableFields };
}

/** The member the signed-in login is: a portal login is linked to one, staff usually are not. */
function myMemberId(ctx: TenantContext): string {
  const { memberId } = principalOf(ctx);
  if (!memberId) throw new AppError(membersErrors.not_a_member, 'Your login is not linked to a member, so it has no member details');
  return memberId;
}

const detailsOf = (m: Member, settings: SelfServiceSettings): MyDetails => ({ id: m.id, firstName: m.firstName, lastName: m.lastName, email: m.email ?? null, phone: m.phone ?? null, address: m.address ?? null, ...settings });

export async function myDetails(ctx: TenantContext): Promise<MyDetails> {
  const member = await new MembersRepository(ctx.db).find(myMemberId(ctx));
  if (!member) throw new AppError(membersErrors.not_a_member, 'Your login is not linked to a member, so it has no member details');
  return detailsOf(member, await selfServiceSettings(ctx));
}

/**
 * Changes the signed-in member's own contact details, only those the tenant lets members
 * change: a patch naming any other is refused whole, each such field named.
 */
export async function updateMyDetails(ctx: TenantContext, patch: MyDetailsPatch): Promise<MyDetails> {
  const memberId = myMemberId(ctx);
  const settings = await selfServiceSettings(ctx);
  const refused = Object.keys(patch).filter((f) => !settings.editableFields.includes(f as SelfEditableField));
  if (refused.length > 0) {
    throw new AppError(membersErrors.field_not_editable, `You may not change ${refused.join(', ')} yourself; ask the office`, {
      errors: refused.map((field) => ({ field, code: 'not_editable', message: 'is not one members may change themselves' })),
    });
  }
  const member = await new MembersRepository(ctx.db).update(memberId, patch);
  if (!member) throw new AppError(membersErrors.not_a_member, 'Your login is not linked to a member, so it has no member details');
  const changed = Object.keys(patch);
  await emit(ctx, 'member.updated', { ...member, changed });
  // The names of the fields, not their values: the log is read by staff who see the member anyway.
  await recordAudit(ctx, { action: 'member.details.self_updated', target: { type: 'member', id: memberId }, details: { fields: changed } });
  return detailsOf(member, settings);
}

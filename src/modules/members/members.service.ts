import type { TenantContext } from '../../kernel/context.js';
import { AppError, notFound } from '../../kernel/errors.js';
import { emit } from '../../kernel/events/outbox.js';
import { decodeCursor, pageOf } from '../../kernel/http/pagination.js';
import { hiddenFields, refuseHiddenWrites, withoutHidden } from '../../kernel/security/field-restrictions.js';
import { MembersRepository } from './members.repository.js';
import type { CountMembersQuery, CreateMember, ListMembersQuery, Member, UpdateMember } from './members.schemas.js';

/** The resource custom roles restrict members' fields under (`fieldRestrictions.members`). */
export const MEMBERS_RESOURCE = 'members';

/** A member as the request's principal may see it: without the fields their roles hide. */
const shown = (ctx: TenantContext, member: Member): Member => withoutHidden(ctx.principal, MEMBERS_RESOURCE, member);

/** Whether the list's search may look at e-mails: not when the principal's roles hide them. */
const searchesEmail = (ctx: TenantContext) => !hiddenFields(ctx.principal, MEMBERS_RESOURCE).has('email');

const cursorOf = (sort: string) => (m: Member) =>
  sort.endsWith('name') ? [m.lastName, m.firstName, m.id] : [m.id];

export async function listMembers(ctx: TenantContext, query: ListMembersQuery & { limit: number }) {
  const sort = query.sort ?? 'name';
  const after = sort.endsWith('name') ? decodeCursor(query.cursor, ['string', 'string', 'uuid']) : decodeCursor(query.cursor, ['uuid']);
  const rows = await new MembersRepository(ctx.db).list(query, after, searchesEmail(ctx));
  const page = pageOf(rows, query.limit, cursorOf(sort));
  return { ...page, data: page.data.map((m) => shown(ctx, m)) };
}

/** How many members match the list's filters: the list itself gives no totals. */
export async function countMembers(ctx: TenantContext, query: CountMembersQuery): Promise<{ count: number }> {
  return { count: await new MembersRepository(ctx.db).count(query, searchesEmail(ctx)) };
}

export async function getMember(ctx: TenantContext, id: string): Promise<Member> {
  const member = await new MembersRepository(ctx.db).find(id);
  if (!member) throw notFound('The member');
  return shown(ctx, member);
}

export async function createMember(ctx: TenantContext, input: CreateMember): Promise<Member> {
  refuseHiddenWrites(ctx.principal, MEMBERS_RESOURCE, input);
  const limit = ctx.licence.claims.limits.members;
  const member = await new MembersRepository(ctx.db).insertWithin(limit, ctx.tenant.id, input);
  if (!member) {
    throw new AppError('plan_limit_reached', `The ${ctx.licence.claims.plan} plan allows ${limit} members; upgrade the plan to add more`, { limit, resource: 'members' });
  }
  await emit(ctx, 'member.created', member);
  return shown(ctx, member);
}

export async function updateMember(ctx: TenantContext, id: string, patch: UpdateMember): Promise<Member> {
  refuseHiddenWrites(ctx.principal, MEMBERS_RESOURCE, patch);
  const member = await new MembersRepository(ctx.db).update(id, patch);
  if (!member) throw notFound('The member');
  await emit(ctx, 'member.updated', { ...member, changed: Object.keys(patch) });
  return shown(ctx, member);
}

export async function deleteMember(ctx: TenantContext, id: string): Promise<void> {
  if (!(await new MembersRepository(ctx.db).delete(id))) throw notFound('The member');
  await emit(ctx, 'member.deleted', { id });
}

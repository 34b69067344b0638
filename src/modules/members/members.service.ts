import type { TenantContext } from '../../kernel/context.js';
import { AppError, notFound } from '../../kernel/errors.js';
import { emit } from '../../kernel/events/outbox.js';
import { decodeCursor, pageOf } from '../../kernel/http/pagination.js';
import { MembersRepository } from './members.repository.js';
import type { CountMembersQuery, CreateMember, ListMembersQuery, Member, UpdateMember } from './members.schemas.js';

const cursorOf = (sort: string) => (m: Member) =>
  sort.endsWith('name') ? [m.lastName, m.firstName, m.id] : [m.id];

export async function listMembers(ctx: TenantContext, query: ListMembersQuery & { limit: number }) {
  const sort = query.sort ?? 'name';
  const after = sort.endsWith('name') ? decodeCursor(query.cursor, ['string', 'string', 'uuid']) : decodeCursor(query.cursor, ['uuid']);
  const rows = await new MembersRepository(ctx.db).list(query, after);
  return pageOf(rows, query.limit, cursorOf(sort));
}

/** How many members match the list's filters: the list itself gives no totals. */
export async function countMembers(ctx: TenantContext, query: CountMembersQuery): Promise<{ count: number }> {
  return { count: await new MembersRepository(ctx.db).count(query) };
}

export async function getMember(ctx: TenantContext, id: string): Promise<Member> {
  const member = await new MembersRepository(ctx.db).find(id);
  if (!member) throw notFound('The member');
  return member;
}

export async function createMember(ctx: TenantContext, input: CreateMember): Promise<Member> {
  const limit = ctx.licence.claims.limits.members;
  const member = await new MembersRepository(ctx.db).insertWithin(limit, ctx.tenant.id, input);
  if (!member) {
    throw new AppError('plan_limit_reached', `The ${ctx.licence.claims.plan} plan allows ${limit} members; upgrade the plan to add more`, { limit, resource: 'members' });
  }
  await emit(ctx, 'member.created', member);
  return member;
}

export async function updateMember(ctx: TenantContext, id: string, patch: UpdateMember): Promise<Member> {
  const member = await new MembersRepository(ctx.db).update(id, patch);
  if (!member) throw notFound('The member');
  await emit(ctx, 'member.updated', { ...member, changed: Object.keys(patch) });
  return member;
}

export async function deleteMember(ctx: TenantContext, id: string): Promise<void> {
  if (!(await new MembersRepository(ctx.db).delete(id))) throw notFound('The member');
  await emit(ctx, 'member.deleted', { id });
}

import { sql, type Kysely } from 'kysely';
import type { AnyDB } from '../../kernel/db/database.js';
import { containsPattern } from '../../kernel/db/like.js';
import { newId } from '../../kernel/ids.js';
import type { CreateMember, ListMembersQuery, Member, UpdateMember } from './members.schemas.js';

interface MemberRow {
  id: string;
  first_name: string;
  last_name: string;
  email: string | null;
  phone: string | null;
  type: Member['type'];
  status: Member['status'];
  notes: string;
  created_at: Date;
  updated_at: Date;
}

const columns = ['id', 'first_name', 'last_name', 'email', 'phone', 'type', 'status', 'notes', 'created_at', 'updated_at'] as const;

const toMember = (r: MemberRow): Member => ({
  id: r.id,
  firstName: r.first_name,
  lastName: r.last_name,
  email: r.email,
  phone: r.phone,
  type: r.type,
  status: r.status,
  notes: r.notes,
  createdAt: r.created_at as unknown as string,
  updatedAt: r.updated_at as unknown as string,
});

/** Members SQL; runs inside the tenant transaction, so RLS scopes every statement. */
export class MembersRepository {
  constructor(private readonly db: Kysely<AnyDB>) {}

  async find(id: string): Promise<Member | undefined> {
    const row = await this.db.selectFrom('members').select(columns).where('id', '=', id).executeTakeFirst();
    return row && toMember(row);
  }

  /** A page of `limit + 1` rows after the keyset `after`, for the caller to split. */
  async list(query: ListMembersQuery & { limit: number }, after: unknown[] | null): Promise<Member[]> {
    const sort = query.sort ?? 'name';
    const desc = sort.startsWith('-');
    const dir = desc ? 'desc' : 'asc';
    const cmp = desc ? '<' : '>';
    let q = this.db.selectFrom('members').select(columns).limit(query.limit + 1);
    if (query.type) q = q.where('type', '=', query.type);
    if (query.status) q = q.where('status', '=', query.status);
    if (query.q) {
      const like = containsPattern(query.q);
      q = q.where((eb) =>
        eb.or([
          eb('first_name', 'ilike', like),
          eb('last_name', 'ilike', like),
          eb(sql`first_name || ' ' || last_name`, 'ilike', like),
          eb('email', 'ilike', like),
        ]),
      );
    }
    if (sort.endsWith('name')) {
      if (after) q = q.where(sql`(last_name, first_name, id)`, cmp, sql`(${after[0]}, ${after[1]}, ${after[2]}::uuid)`);
      q = q.orderBy('last_name', dir).orderBy('first_name', dir).orderBy('id', dir);
    } else {
      // Ids are UUIDv7, minted at creation: id order is creation order, and the key is exact.
      if (after) q = q.where('id', cmp, after[0] as string);
      q = q.orderBy('id', dir);
    }
    return (await q.execute()).map(toMember);
  }

  async count(): Promise<number> {
    const row = await this.db.selectFrom('members').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async insert(tenantId: string, input: CreateMember): Promise<Member> {
    const row = await this.db
      .insertInto('members')
      .values({
        tenant_id: tenantId,
        id: newId(),
        first_name: input.firstName,
        last_name: input.lastName,
        email: input.email?.toLowerCase() ?? null,
        phone: input.phone ?? null,
        type: input.type,
        status: input.status ?? 'active',
        notes: input.notes ?? '',
      })
      .returning(columns)
      .executeTakeFirstOrThrow();
    return toMember(row);
  }

  async update(id: string, patch: UpdateMember): Promise<Member | undefined> {
    const set: Record<string, unknown> = { updated_at: new Date() };
    if (patch.firstName !== undefined) set.first_name = patch.firstName;
    if (patch.lastName !== undefined) set.last_name = patch.lastName;
    if (patch.email !== undefined) set.email = patch.email?.toLowerCase() ?? null;
    if (patch.phone !== undefined) set.phone = patch.phone;
    if (patch.type !== undefined) set.type = patch.type;
    if (patch.status !== undefined) set.status = patch.status;
    if (patch.notes !== undefined) set.notes = patch.notes;
    const row = await this.db.updateTable('members').set(set).where('id', '=', id).returning(columns).executeTakeFirst();
    return row && toMember(row);
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('members').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** Serialises member creation per tenant, so that concurrent creates cannot overshoot a plan limit. */
  async lockForCreate(tenantId: string): Promise<void> {
    await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`members:${tenantId}`}, 0))`.execute(this.db);
  }
}

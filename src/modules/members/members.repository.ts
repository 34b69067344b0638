import { sql, type ExpressionBuilder, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { KernelTables } from '../../kernel/db/kernel.tables.js';
import { containsPattern } from '../../kernel/db/like.js';
import { tablesOf, type Db } from '../../kernel/db/tables.js';
import { newId } from '../../kernel/ids.js';
import { lockedTally } from '../../kernel/metering/tallies.repository.js';
import type { CountMembersQuery, CreateMember, ListMembersQuery, Member, UpdateMember } from './members.schemas.js';
import type { MembersTables } from './members.tables.js';

const columns = ['id', 'firstName', 'lastName', 'email', 'phone', 'address', 'type', 'status', 'notes', 'createdAt', 'updatedAt'] as const;

type Tables = MembersTables & KernelTables;

/** Either name or the full name contains `like`. */
const nameMatches = (eb: ExpressionBuilder<Tables, 'members'>, like: string) => [eb('firstName', 'ilike', like), eb('lastName', 'ilike', like), eb(sql<string>`first_name || ' ' || last_name`, 'ilike', like)];

/** The list's filters: type, status, and `q` in either name, the full name or (unless `byEmail` is false) the e-mail. */
function filtered<O>(q: SelectQueryBuilder<Tables, 'members', O>, query: CountMembersQuery, byEmail = true): SelectQueryBuilder<Tables, 'members', O> {
  if (query.type) q = q.where('type', '=', query.type);
  if (query.status) q = q.where('status', '=', query.status);
  if (query.q) {
    const like = containsPattern(query.q);
    q = q.where((eb) => eb.or([...nameMatches(eb, like), ...(byEmail ? [eb('email', 'ilike', like)] : [])]));
  }
  return q;
}

/** Members SQL; runs inside the tenant transaction, so RLS scopes every statement. */
export class MembersRepository {
  private readonly db: Kysely<Tables>;

  constructor(db: Db) {
    this.db = tablesOf(db);
  }

  /** The members whose name (as the list's search reads it) contains `text`. */
  async idsNamed(text: string): Promise<string[]> {
    const like = containsPattern(text);
    const rows = await this.db.selectFrom('members').select('id').where((eb) => eb.or(nameMatches(eb, like))).execute();
    return rows.map((r) => r.id);
  }

  async find(id: string): Promise<Member | undefined> {
    const row = await this.db.selectFrom('members').select(columns).where('id', '=', id).executeTakeFirst();
    return row;
  }

  /** A page of `limit + 1` rows after the keyset `after`, for the caller to split. */
  async list(query: ListMembersQuery & { limit: number }, after: unknown[] | null, byEmail = true): Promise<Member[]> {
    const sort = query.sort ?? 'name';
    const desc = sort.startsWith('-');
    const dir = desc ? 'desc' : 'asc';
    const cmp = desc ? '<' : '>';
    let q = this.db.selectFrom('members').select(columns).limit(query.limit + 1);
    q = filtered(q, query, byEmail);
    if (sort.endsWith('name')) {
      if (after) q = q.where(sql`(last_name, first_name, id)`, cmp, sql`(${after[0]}, ${after[1]}, ${after[2]}::uuid)`);
      q = q.orderBy('lastName', dir).orderBy('firstName', dir).orderBy('id', dir);
    } else {
      // Ids are UUIDv7, minted at creation: id order is creation order, and the key is exact.
      if (after) q = q.where('id', cmp, after[0] as string);
      q = q.orderBy('id', dir);
    }
    return q.execute();
  }

  /**
   * How many members match `query` (all of the tenant's when it is empty), counted exactly: one
   * tenant's members are at most tens of thousands, a count(*) over them is cheap.
   */
  async count(query: CountMembersQuery = {}, byEmail = true): Promise<number> {
    const row = await filtered(this.db.selectFrom('members'), query, byEmail).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /**
   * Adds a member unless the tenant has `limit` members already (null: no limit); undefined when
   * it has. One statement: its first step locks the tenant's tally row (an upsert that changes
   * nothing, so that the row exists for a tenant's first member too), which queues the tenant's
   * other creates until this transaction ends and reads the newest committed count; the
   * members trigger then adds this one to it.
   */
  async insertWithin(limit: number | null, tenantId: string, input: CreateMember): Promise<Member | undefined> {
    const result = await sql<Member>`
      WITH tally AS (${lockedTally(tenantId, 'members')})
      INSERT INTO members (tenant_id, id, first_name, last_name, email, phone, address, type, status, notes)
      SELECT ${tenantId}::uuid, ${newId()}::uuid, ${input.firstName}, ${input.lastName}, ${input.email?.toLowerCase() ?? null}, ${input.phone ?? null}, ${input.address ?? null},
             ${input.type}, ${input.status ?? 'active'}, ${input.notes ?? ''}
        FROM tally
       WHERE ${limit}::bigint IS NULL OR tally.value < ${limit}::bigint
      RETURNING ${sql.join(columns.map((c) => sql.ref(c)))}`.execute(this.db);
    return result.rows[0];
  }

  async update(id: string, patch: UpdateMember): Promise<Member | undefined> {
    // Kysely leaves out the fields that are undefined: the patch changes only what it names.
    const { firstName, lastName, email, phone, address, type, status, notes } = patch;
    return this.db
      .updateTable('members')
      .set({ firstName, lastName, email: email === undefined ? undefined : (email?.toLowerCase() ?? null), phone, address, type, status, notes, updatedAt: new Date() })
      .where('id', '=', id)
      .returning(columns)
      .executeTakeFirst();
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('members').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}

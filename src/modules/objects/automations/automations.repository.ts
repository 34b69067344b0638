import { sql, type Kysely } from 'kysely';
import { tablesOf, type Db } from '../../../kernel/db/tables.js';
import { newId } from '../../../kernel/ids.js';
import type { ObjectsTables } from '../objects.tables.js';
import type { Action, Trigger } from './automations.schemas.js';
import type { AutomationsTables, StoredOutcome } from './automations.tables.js';

export interface AutomationRow {
  id: string;
  objectId: string;
  name: string;
  enabled: boolean;
  trigger: Trigger;
  condition: string | null;
  actions: Action[];
  createdAt: Date;
  updatedAt: Date;
}

export interface RunRow {
  id: string;
  automationId: string;
  triggerKey: string;
  recordId: string | null;
  status: 'running' | 'succeeded' | 'failed' | 'skipped';
  attempts: number;
  error: string | null;
  actions: StoredOutcome[];
  createdAt: Date;
  updatedAt: Date;
}

const columns = ['id', 'objectId', 'name', 'enabled', 'trigger', 'condition', 'actions', 'createdAt', 'updatedAt'] as const;
const runColumns = ['id', 'automationId', 'triggerKey', 'recordId', 'status', 'attempts', 'error', 'actions', 'createdAt', 'updatedAt'] as const;
const json = (value: unknown) => JSON.stringify(value);

/** SQL of automations, their runs and the writes they made; in the tenant transaction (RLS scopes it). */
export class AutomationsRepository {
  private readonly db: Kysely<AutomationsTables & ObjectsTables>;

  constructor(db: Db) {
    this.db = tablesOf<AutomationsTables & ObjectsTables>(db);
  }

  list(objectId: string): Promise<AutomationRow[]> {
    return this.db.selectFrom('objectAutomations').select(columns).where('objectId', '=', objectId).orderBy('id').execute();
  }

  find(objectId: string, id: string): Promise<AutomationRow | undefined> {
    return this.db.selectFrom('objectAutomations').select(columns).where('objectId', '=', objectId).where('id', '=', id).executeTakeFirst();
  }

  /** The enabled automations of the live objects `keys` with one of the trigger `types`, in creation order. */
  enabledOf(keys: readonly string[], types: readonly Trigger['type'][]): Promise<(AutomationRow & { key: string })[]> {
    return this.db
      .selectFrom('objectAutomations as a')
      .innerJoin('objectDefinitions as d', 'd.id', 'a.objectId')
      .select(['a.id', 'a.objectId', 'a.name', 'a.enabled', 'a.trigger', 'a.condition', 'a.actions', 'a.createdAt', 'a.updatedAt', 'd.key'])
      .where('d.key', 'in', keys)
      .where('d.archivedAt', 'is', null)
      .where('d.kind', '=', 'object')
      .where('a.enabled', '=', true)
      .where(sql<string>`a.trigger->>'type'`, 'in', types)
      .orderBy('a.id')
      .execute();
  }

  /** Every enabled date automation of the tenant's live objects. */
  enabledDateAutomations(): Promise<(AutomationRow & { key: string })[]> {
    return this.db
      .selectFrom('objectAutomations as a')
      .innerJoin('objectDefinitions as d', 'd.id', 'a.objectId')
      .select(['a.id', 'a.objectId', 'a.name', 'a.enabled', 'a.trigger', 'a.condition', 'a.actions', 'a.createdAt', 'a.updatedAt', 'd.key'])
      .where('d.archivedAt', 'is', null)
      .where('a.enabled', '=', true)
      .where(sql<boolean>`a.trigger->>'type' = 'date'`)
      .orderBy('a.id')
      .execute();
  }

  insert(tenantId: string, objectId: string, a: Omit<AutomationRow, 'id' | 'objectId' | 'createdAt' | 'updatedAt'>, actor: string | null): Promise<AutomationRow> {
    return this.db
      .insertInto('objectAutomations')
      .values({ tenantId, id: newId(), objectId, name: a.name, enabled: a.enabled, trigger: json(a.trigger), condition: a.condition, actions: json(a.actions), createdBy: actor })
      .returning(columns)
      .executeTakeFirstOrThrow();
  }

  update(id: string, a: Omit<AutomationRow, 'id' | 'objectId' | 'createdAt' | 'updatedAt'>): Promise<AutomationRow | undefined> {
    return this.db
      .updateTable('objectAutomations')
      .set({ name: a.name, enabled: a.enabled, trigger: json(a.trigger), condition: a.condition, actions: json(a.actions), updatedAt: new Date() })
      .where('id', '=', id)
      .returning(columns)
      .executeTakeFirst();
  }

  async delete(id: string): Promise<boolean> {
    const deleted = await this.db.deleteFrom('objectAutomations').where('id', '=', id).executeTakeFirst();
    return Number(deleted.numDeletedRows) > 0;
  }

  runs(automationId: string, limit: number): Promise<RunRow[]> {
    return this.db.selectFrom('objectAutomationRuns').select(runColumns).where('automationId', '=', automationId).orderBy('id', 'desc').limit(limit).execute();
  }

  /** The run of `automationId` for `triggerKey`, made (with its actions pending) if there is none; locked until the transaction ends. */
  async claimRun(tenantId: string, automationId: string, triggerKey: string, recordId: string | null, actions: Action[]): Promise<RunRow> {
    const outcomes: StoredOutcome[] = actions.map((action) => ({ action, status: 'pending', error: null, attempts: 0, at: null }));
    await this.db
      .insertInto('objectAutomationRuns')
      .values({ tenantId, id: newId(), automationId, triggerKey, recordId, actions: json(outcomes) })
      .onConflict((oc) => oc.columns(['tenantId', 'automationId', 'triggerKey']).doNothing())
      .execute();
    return this.db.selectFrom('objectAutomationRuns').select(runColumns).where('automationId', '=', automationId).where('triggerKey', '=', triggerKey).forUpdate().executeTakeFirstOrThrow();
  }

  async saveRun(id: string, run: Pick<RunRow, 'status' | 'attempts' | 'error' | 'actions'>): Promise<void> {
    await this.db.updateTable('objectAutomationRuns').set({ status: run.status, attempts: run.attempts, error: run.error, actions: json(run.actions), updatedAt: new Date() }).where('id', '=', id).execute();
  }

  async recordWrite(tenantId: string, recordId: string, version: number): Promise<void> {
    await this.db.insertInto('objectAutomationWrites').values({ tenantId, recordId, version }).onConflict((oc) => oc.doNothing()).execute();
  }

  /** Which of these record versions an automation wrote, as `recordId:version` (their events trigger nothing). */
  async wroteVersions(versions: readonly { recordId: string; version: number }[]): Promise<Set<string>> {
    if (versions.length === 0) return new Set();
    const { rows } = await sql<{ recordId: string; version: number }>`
      SELECT w.record_id, w.version FROM object_automation_writes w
        JOIN unnest(${versions.map((v) => v.recordId)}::uuid[], ${versions.map((v) => v.version)}::int[]) AS v(record_id, version) ON w.record_id = v.record_id AND w.version = v.version`.execute(this.db);
    return new Set(rows.map((r) => `${r.recordId}:${r.version}`));
  }

  /** Deletes at most `limit` runs and writes older than `cutoff`; how many it deleted. */
  async pruneBefore(cutoff: Date, limit: number): Promise<number> {
    const runs = await this.db
      .deleteFrom('objectAutomationRuns')
      .where('id', 'in', (eb) => eb.selectFrom('objectAutomationRuns').select('id').where('updatedAt', '<', cutoff).limit(limit))
      .executeTakeFirst();
    const writes = await this.db
      .deleteFrom('objectAutomationWrites')
      .where(sql<boolean>`(record_id, version) IN (SELECT record_id, version FROM object_automation_writes WHERE written_at < ${cutoff} LIMIT ${limit})`)
      .executeTakeFirst();
    return Math.max(Number(runs.numDeletedRows), Number(writes.numDeletedRows));
  }

  /** The records of the object whose date (or instant) field lies in [from, to): ids and values. */
  datesIn(objectId: string, fieldId: string, from: Date, to: Date): Promise<{ recordId: string; ts: Date }[]> {
    return this.db
      .selectFrom('objectValues')
      .select(['recordId', 'ts'])
      .where('objectId', '=', objectId)
      .where('fieldId', '=', fieldId)
      .where('kind', '=', 'd')
      .where('ts', '>=', from)
      .where('ts', '<', to)
      .$narrowType<{ ts: Date }>()
      .execute();
  }
}

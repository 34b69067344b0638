import { sql, type Kysely } from 'kysely';
import { tablesOf, type Db } from '../../../kernel/db/tables.js';
import { newId } from '../../../kernel/ids.js';
import type { FieldConfig, FieldRules, FieldType, ObjectRule } from '../fields.js';
import type { ObjectsTables } from '../objects.tables.js';

export interface DefinitionRow {
  id: string;
  key: string;
  kind: 'object' | 'extension';
  singular: string;
  plural: string;
  icon: string | null;
  description: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  archivedAt: Date | null;
  rules: ObjectRule[];
}

export interface FieldRow {
  id: string;
  objectId: string;
  key: string;
  label: string;
  type: FieldType;
  config: FieldConfig;
  rules: FieldRules;
  position: number;
  createdAt: Date;
  updatedAt: Date;
  removedAt: Date | null;
  purgedAt: Date | null;
}

const definitionColumns = ['id', 'key', 'kind', 'singular', 'plural', 'icon', 'description', 'version', 'createdAt', 'updatedAt', 'archivedAt', 'rules'] as const;
const fieldColumns = ['id', 'objectId', 'key', 'label', 'type', 'config', 'rules', 'position', 'createdAt', 'updatedAt', 'removedAt', 'purgedAt'] as const;

/** SQL of definitions, fields and their change log; runs in the tenant transaction (RLS scopes it). */
export class DefinitionsRepository {
  private readonly db: Kysely<ObjectsTables>;

  constructor(db: Db) {
    this.db = tablesOf(db);
  }

  list(includeArchived: boolean): Promise<DefinitionRow[]> {
    let q = this.db.selectFrom('objectDefinitions').select(definitionColumns).orderBy('key').orderBy('id');
    if (!includeArchived) q = q.where('archivedAt', 'is', null);
    return q.execute();
  }

  /** The live definition with `key`; `lock` takes its row until the transaction ends (definition changes queue on it). */
  async findLive(key: string, lock = false): Promise<DefinitionRow | undefined> {
    let q = this.db.selectFrom('objectDefinitions').select(definitionColumns).where('key', '=', key).where('archivedAt', 'is', null);
    if (lock) q = q.forUpdate();
    return q.executeTakeFirst();
  }

  /** The stamp of the tenant's data model as this transaction sees it: a new one with every change of an object, field or rule; undefined before the first. */
  async modelStamp(): Promise<string | undefined> {
    return (await this.db.selectFrom('objectModelStamps').select('stamp').executeTakeFirst())?.stamp;
  }

  findById(id: string): Promise<DefinitionRow | undefined> {
    return this.db.selectFrom('objectDefinitions').select(definitionColumns).where('id', '=', id).executeTakeFirst();
  }

  /** Fields of the objects, live and removed (not purged), in position order. */
  fieldsOf(objectIds: readonly string[]): Promise<FieldRow[]> {
    if (objectIds.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('objectFields').select(fieldColumns).where('objectId', 'in', objectIds).where('purgedAt', 'is', null).orderBy('position').orderBy('createdAt').execute() as Promise<FieldRow[]>;
  }

  findField(id: string): Promise<FieldRow | undefined> {
    return this.db.selectFrom('objectFields').select(fieldColumns).where('id', '=', id).executeTakeFirst() as Promise<FieldRow | undefined>;
  }

  /** Undefined when the live key is taken (the partial unique index). */
  async insertDefinition(tenantId: string, input: { key: string; kind: 'object' | 'extension'; singular: string; plural: string; icon: string | null; description: string }): Promise<DefinitionRow | undefined> {
    return this.db
      .insertInto('objectDefinitions')
      .values({ tenantId, id: newId(), ...input })
      .onConflict((oc) => oc.columns(['tenantId', 'key']).where('archivedAt', 'is', null).doNothing())
      .returning(definitionColumns)
      .executeTakeFirst();
  }

  updateDefinition(id: string, patch: Partial<Pick<DefinitionRow, 'singular' | 'plural' | 'icon' | 'description' | 'archivedAt'>>): Promise<DefinitionRow | undefined> {
    return this.db.updateTable('objectDefinitions').set({ ...patch, updatedAt: new Date() }).where('id', '=', id).returning(definitionColumns).executeTakeFirst();
  }

  /** Undefined when the object has a live field with the key. */
  async insertField(tenantId: string, objectId: string, field: { key: string; label: string; type: FieldType; config: FieldConfig; rules: FieldRules }): Promise<FieldRow | undefined> {
    return this.db
      .insertInto('objectFields')
      .values({
        tenantId,
        id: newId(),
        objectId,
        key: field.key,
        label: field.label,
        type: field.type,
        config: JSON.stringify(field.config),
        rules: JSON.stringify(field.rules),
        position: sql<number>`(SELECT coalesce(max(position), 0) + 1 FROM object_fields WHERE object_id = ${objectId}::uuid)`,
      })
      .onConflict((oc) => oc.columns(['tenantId', 'objectId', 'key']).where('removedAt', 'is', null).doNothing())
      .returning(fieldColumns)
      .executeTakeFirst() as Promise<FieldRow | undefined>;
  }

  updateField(id: string, patch: { label?: string; config?: FieldConfig; rules?: FieldRules; removedAt?: Date | null; purgedAt?: Date }): Promise<FieldRow | undefined> {
    const { config, rules, ...rest } = patch;
    return this.db
      .updateTable('objectFields')
      .set({ ...rest, ...(config ? { config: JSON.stringify(config) } : {}), ...(rules ? { rules: JSON.stringify(rules) } : {}), updatedAt: new Date() })
      .where('id', '=', id)
      .returning(fieldColumns)
      .executeTakeFirst() as Promise<FieldRow | undefined>;
  }

  /** Bumps the object's version and logs the change under it, in one statement. */
  async recordChange(tenantId: string, objectId: string, change: { action: string; fieldId?: string | null; details?: Record<string, unknown>; actor: string | null }): Promise<number> {
    const { rows } = await sql<{ version: number }>`
      WITH bumped AS (
        UPDATE object_definitions SET version = version + 1, updated_at = now() WHERE id = ${objectId}::uuid RETURNING version
      )
      INSERT INTO object_definition_changes (tenant_id, object_id, version, action, field_id, details, actor)
      SELECT ${tenantId}::uuid, ${objectId}::uuid, bumped.version, ${change.action}, ${change.fieldId ?? null}::uuid, ${JSON.stringify(change.details ?? {})}::jsonb, ${change.actor}::uuid FROM bumped
      RETURNING version`.execute(this.db);
    return rows[0]!.version;
  }

  /** The first version's log row (a new object is version 1). */
  async recordCreated(tenantId: string, objectId: string, details: Record<string, unknown>, actor: string | null): Promise<void> {
    await this.db.insertInto('objectDefinitionChanges').values({ tenantId, objectId, version: 1, action: 'created', details: JSON.stringify(details), actor }).execute();
  }

  changes(objectId: string) {
    return this.db.selectFrom('objectDefinitionChanges').select(['version', 'action', 'fieldId', 'details', 'actor', 'changedAt']).where('objectId', '=', objectId).orderBy('version').execute();
  }

  /** Objects by id (any state): relation targets. */
  async keysOf(ids: readonly string[]): Promise<Map<string, DefinitionRow>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.selectFrom('objectDefinitions').select(definitionColumns).where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, r]));
  }
}

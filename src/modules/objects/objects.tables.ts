import type { ColumnType, Generated } from 'kysely';
import type { TenantKey, Timestamptz } from '../../kernel/db/kernel.tables.js';
import type { FieldConfig, FieldRules, FieldType, ObjectRule } from './fields.js';

type Json<T> = ColumnType<T, string, string>;

/** The tables `migrations/` creates, as the objects repositories see them (camelCase). */
export interface ObjectsTables {
  objectDefinitions: {
    tenantId: TenantKey;
    id: string;
    key: string;
    kind: Generated<'object' | 'extension'>;
    singular: string;
    plural: string;
    icon: string | null;
    description: Generated<string>;
    version: Generated<number>;
    createdAt: Timestamptz;
    updatedAt: Timestamptz;
    archivedAt: Date | null;
    rules: ColumnType<ObjectRule[], string | undefined, string>;
  };
  objectFields: {
    tenantId: TenantKey;
    id: string;
    objectId: string;
    key: string;
    label: string;
    type: FieldType;
    config: Json<FieldConfig>;
    rules: Json<FieldRules>;
    position: number;
    createdAt: Timestamptz;
    updatedAt: Timestamptz;
    removedAt: Date | null;
    purgedAt: Date | null;
  };
  objectDefinitionChanges: {
    tenantId: TenantKey;
    objectId: string;
    version: number;
    action: string;
    fieldId: string | null;
    details: Json<Record<string, unknown>>;
    actor: string | null;
    changedAt: Timestamptz;
  };
  objectRecords: {
    tenantId: TenantKey;
    objectId: string;
    id: string;
    data: Json<Record<string, unknown>>;
    version: Generated<number>;
    createdAt: Timestamptz;
    updatedAt: Timestamptz;
    createdBy: string | null;
    updatedBy: string | null;
  };
  objectValues: {
    tenantId: TenantKey;
    objectId: string;
    fieldId: string;
    recordId: string;
    kind: 'n' | 'b' | 't' | 'd';
    num: string | null;
    txt: string | null;
    ts: Date | null;
    uniq: boolean;
    min: string | null;
    max: string | null;
  };
  objectLinks: {
    tenantId: TenantKey;
    fieldId: string;
    fromId: string;
    toId: string;
  };
  /** Written by triggers only (migrations/0004_model_stamps.sql). */
  objectModelStamps: {
    tenantId: TenantKey;
    stamp: string;
  };
}

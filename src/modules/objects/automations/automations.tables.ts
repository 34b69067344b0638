import type { ColumnType, Generated } from 'kysely';
import type { TenantKey, Timestamptz } from '../../../kernel/db/kernel.tables.js';
import type { Action, Trigger } from './automations.schemas.js';

type Json<T> = ColumnType<T, string, string>;

/** An action's outcome in a run, with the action as it was when the run began (a retry runs that). */
export interface StoredOutcome {
  action: Action;
  status: 'pending' | 'succeeded' | 'failed' | 'skipped';
  error: string | null;
  attempts: number;
  at: string | null;
}

/** The tables of migrations/0003_automations.sql (camelCase). */
export interface AutomationsTables {
  objectAutomations: {
    tenantId: TenantKey;
    id: string;
    objectId: string;
    name: string;
    enabled: boolean;
    trigger: Json<Trigger>;
    condition: string | null;
    actions: Json<Action[]>;
    createdAt: Timestamptz;
    updatedAt: Timestamptz;
    createdBy: string | null;
  };
  objectAutomationRuns: {
    tenantId: TenantKey;
    id: string;
    automationId: string;
    triggerKey: string;
    recordId: string | null;
    status: Generated<'running' | 'succeeded' | 'failed' | 'skipped'>;
    attempts: Generated<number>;
    error: string | null;
    actions: Json<StoredOutcome[]>;
    createdAt: Timestamptz;
    updatedAt: Timestamptz;
  };
  objectAutomationWrites: {
    tenantId: TenantKey;
    recordId: string;
    version: number;
    writtenAt: Timestamptz;
  };
}

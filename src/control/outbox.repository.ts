import type { Kysely } from 'kysely';
import { tablesOf, type Db } from '../kernel/db/tables.js';
import type { ControlTables } from './control.tables.js';

/** SQL for the platform events awaiting relay (`control.outbox`); the job runtime relays them. */
export class ControlOutboxRepository {
  private readonly db: Kysely<ControlTables>;

  constructor(db: Db) {
    this.db = tablesOf(db);
  }

  async insert(event: { id: string; tenantId: string | null; type: string; version: number; data: object; occurredAt: string; traceparent: string | null }): Promise<void> {
    await this.db.insertInto('control.outbox').values({ ...event, data: JSON.stringify(event.data) }).execute();
  }
}

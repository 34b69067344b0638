import type PgBoss from 'pg-boss';
import type { Database, Session } from '../db/database.js';
import type { TenantDatabaseRouter } from '../db/router.js';
import type { TenantDirectory } from '../tenant-directory.js';
import type { EventSubscriber } from './job.js';
import { takePlaneOutbox, takeTenantOutbox, type OutboxRow } from './outbox.repository.js';
import type { QueueAnnouncer } from './queue-announcer.js';
import { subscriberJobs } from './subscriber-jobs.js';

export interface RelayDeps {
  main: Database;
  router: TenantDatabaseRouter;
  directory: TenantDirectory;
  /** Outbox tables of a plane in the main database (`control.outbox`). */
  planeOutboxes: string[];
  subscribers: readonly EventSubscriber[];
  boss: PgBoss;
  announcer: QueueAnnouncer;
}

/**
 * One pass over every outbox (the planes', the main database's tenants', each dedicated
 * database's): moves a batch of each to subscriber jobs. Answers how many rows moved.
 */
export async function relayOutboxes(deps: RelayDeps): Promise<number> {
  const { main, router, directory } = deps;
  let moved = 0;
  // A plane's events (invoices, dunning, tenants provisioned) reach only the subscribers that name them: a module's `*` is for its tenant's business.
  for (const table of deps.planeOutboxes) moved += await relayOne(deps, main, (s) => takePlaneOutbox(s, table), true, true);
  moved += await relayOne(deps, main, takeTenantOutbox, true, false);
  for (const t of await directory.dedicatedDatabases()) moved += await router.withDedicated(t.databaseName, (db) => relayOne(deps, db, takeTenantOutbox, false, false));
  return moved;
}

/**
 * One outbox's batch in one transaction. In the main database the jobs are written in that very
 * transaction; a dedicated database's are written to the main one before its rows are deleted.
 * The queues are announced once the transaction has ended: a worker woken earlier would find
 * nothing and wait for its poll.
 */
async function relayOne(deps: RelayDeps, db: Database, take: (s: Session) => Promise<OutboxRow[]>, jobsInSameDatabase: boolean, plane: boolean): Promise<number> {
  const inserted = new Set<string>();
  try {
    return await db.session(async (s) => {
      await s.exec('BEGIN');
      try {
        const rows = await take(s);
        const jobs = rows.length > 0 ? subscriberJobs(rows, deps.subscribers, plane) : [];
        if (jobs.length > 0) {
          for (const job of jobs) inserted.add(job.name);
          await deps.boss.insert(jobs, jobsInSameDatabase ? { db: { executeSql: async (text, values) => ({ rows: await s.rows(text, values) }) } } : {});
        }
        await s.exec('COMMIT');
        return rows.length;
      } catch (error) {
        await s.exec('ROLLBACK');
        throw error;
      }
    });
  } finally {
    for (const queue of inserted) deps.announcer.announce(queue);
  }
}

import type { Db } from './tables.js';

/**
 * Transactions that wrote to their database's outbox, marked by emit(): the router asks after
 * a dedicated database's transaction, whose outbox trigger notifies no listener (every process
 * listens to the main database), so that it can wake the relay itself.
 */
const wrote = new WeakSet<Db>();

export function markOutboxWritten(db: Db): void {
  wrote.add(db);
}

/** Whether `db`'s transaction wrote to the outbox since it was last asked. */
export function takeOutboxWritten(db: Db): boolean {
  return wrote.delete(db);
}

import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../kernel/db/tables.js';

/** What a control-plane service acts with: the control database and who is acting. */
export interface ControlContext {
  db: Db;
  /** `platform:{user id}`, `cli` or `system`. */
  actor: string;
  log: FastifyBaseLogger;
}

declare module 'fastify' {
  interface FastifyRequest {
    platformUserId: string | null;
    /** What the operator (or the platform API key, narrowed to its own) may do. */
    platformPermissions: ReadonlySet<string> | null;
    /** The operator's session (refresh-token family) the request was made with; null for a platform API key. */
    platformSessionId: string | null;
  }
}

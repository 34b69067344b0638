import type { Kysely } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import type { AnyDB } from '../kernel/db/database.js';

/** What a control-plane service acts with: the control database and who is acting. */
export interface ControlContext {
  db: Kysely<AnyDB>;
  /** `platform:{user id}`, `cli` or `system`. */
  actor: string;
  log: FastifyBaseLogger;
}

declare module 'fastify' {
  interface FastifyRequest {
    platformUserId: string | null;
  }
}

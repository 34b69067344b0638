import type { TSchema } from 'typebox';

/** The envelope of every domain event, as stored in the outbox and delivered to subscribers. */
export interface DomainEvent<T = unknown> {
  id: string;
  /** `<entity>.<what happened>`, e.g. `member.created`. */
  type: string;
  /** null for platform events that concern no tenant. */
  tenantId: string | null;
  occurredAt: string;
  /** Version of `data`'s shape for this type. */
  version: number;
  data: T;
}

/** An event type a module emits: part of its manifest, listed in the event catalogue. */
export interface EventDefinition {
  type: string;
  version: number;
  description: string;
  data?: TSchema;
}

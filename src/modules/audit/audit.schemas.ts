import { Type, type Static } from 'typebox';
import { Nullable, Page, PageQuery, Timestamp, Uuid } from '../../kernel/http/schemas.js';

export const ACTOR_TYPES = ['user', 'api_key', 'system', 'anonymous'] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];
const ActorTypeSchema = Type.Enum(ACTOR_TYPES, { type: 'string' });

export const AuditEntry = Type.Object({
  id: Uuid,
  seq: Type.Integer({ description: "Position in the tenant's hash chain: later entries have higher numbers." }),
  at: Timestamp,
  actor: Type.Object({
    type: ActorTypeSchema,
    id: Nullable(Type.String({ description: 'The user id or API key id; null for the system and for someone not signed in.' })),
  }),
  action: Type.String({ description: 'What was done, such as `auth.sign_in.failed` or `finance.charge.voided` (docs/audit.md lists them).' }),
  target: Nullable(Type.Object({ type: Type.String(), id: Nullable(Type.String()) }, { description: 'What it was done to.' })),
  details: Type.Object({}, { additionalProperties: true, description: 'A few facts about the action; never a secret or a password.' }),
  requestId: Nullable(Type.String()),
  ip: Nullable(Type.String()),
  userAgent: Nullable(Type.String()),
});
export type AuditEntry = Static<typeof AuditEntry>;
export const AuditPage = Page(AuditEntry);

const Instant = Type.String({ format: 'date-time', maxLength: 40 });
export const ListAuditQuery = Type.Object(
  {
    ...PageQuery,
    action: Type.Optional(Type.String({ minLength: 1, maxLength: 100, pattern: '^[a-z0-9_.]+\\*?$', description: 'Exactly this action (`auth.sign_in.failed`), or every action starting with the text before a final `*` (`auth.*`)' })),
    actorType: Type.Optional(ActorTypeSchema),
    actor: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'The acting user or API key (its id)' })),
    targetType: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
    targetId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    from: Type.Optional({ ...Instant, description: 'Entries at or after this instant' }),
    to: Type.Optional({ ...Instant, description: 'Entries before this instant' }),
  },
  { additionalProperties: false },
);
export type ListAuditQuery = Static<typeof ListAuditQuery>;

export const AuditChainCheck = Type.Object({
  valid: Type.Boolean({ description: 'Every entry links to the one before it and its hash matches its content' }),
  entries: Type.Integer({ description: "How many entries the tenant's chain holds" }),
  firstBrokenId: Type.Optional(Type.String({ format: 'uuid', description: 'The first entry whose link or hash does not match: it, or the entry before it, was changed, removed or slipped in' })),
});
export type AuditChainCheck = Static<typeof AuditChainCheck>;

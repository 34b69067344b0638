import { Type, type Static } from 'typebox';
import { Nullable, Timestamp, Uuid } from '../../../kernel/http/schemas.js';

const FieldKey = Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$' });
const Expression = Type.String({ minLength: 1, maxLength: 2000, description: 'An expression of the record\'s fields (docs/objects.md, "Expressions")' });

export const Trigger = Type.Object(
  {
    type: Type.Union([Type.Literal('created'), Type.Literal('updated'), Type.Literal('deleted'), Type.Literal('date')], { description: 'created, updated or deleted: when a record is; date: when a date of the record arrives' }),
    fields: Type.Optional(Type.Array(FieldKey, { minItems: 1, maxItems: 50, description: 'updated: only when one of these fields changed (any field when absent)' })),
    field: Type.Optional(Type.String({ maxLength: 40, description: 'date: the date or date-time field' })),
    offsetDays: Type.Optional(Type.Integer({ minimum: -3650, maximum: 3650, description: 'date: days after the field\'s date (negative: before; -14 is 14 days before). 0 when absent' })),
  },
  { additionalProperties: false },
);
export type Trigger = Static<typeof Trigger>;

/** A value to write: a literal (`value`) or an expression of the triggering record (`expression`). */
export const ValueSpec = Type.Object(
  {
    value: Type.Optional(Type.Unknown({ description: 'A literal, as the records API takes it' })),
    expression: Type.Optional(Expression),
  },
  { additionalProperties: false },
);
export type ValueSpec = Static<typeof ValueSpec>;

export const Action = Type.Object(
  {
    type: Type.Union([Type.Literal('set_field'), Type.Literal('create_record'), Type.Literal('send_mail'), Type.Literal('emit_webhook')]),
    field: Type.Optional(Type.String({ maxLength: 40, description: 'set_field: the field to set' })),
    value: Type.Optional(Type.Unknown({ description: 'set_field: a literal value' })),
    expression: Type.Optional(Expression),
    object: Type.Optional(Type.String({ maxLength: 40, description: 'create_record: the object of the new record' })),
    relationField: Type.Optional(Type.String({ maxLength: 40, description: 'create_record: its relation field that points back at the triggering record' })),
    values: Type.Optional(Type.Record(Type.String({ maxLength: 40 }), ValueSpec, { maxProperties: 50, description: 'create_record: its other values by field key' })),
    to: Type.Optional(Type.String({ maxLength: 40, description: 'send_mail: an e-mail field, or a relation field to a member (the member\'s e-mail)' })),
    subject: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'send_mail: the subject; {{field_key}} shows a field' })),
    body: Type.Optional(Type.String({ minLength: 1, maxLength: 10_000, description: 'send_mail: the text; {{field_key}} shows a field' })),
    event: Type.Optional(Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$', description: 'emit_webhook: a name the receiver tells events apart by' })),
  },
  { additionalProperties: false },
);
export type Action = Static<typeof Action>;

export const CreateAutomation = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 120 }),
    enabled: Type.Optional(Type.Boolean({ default: true })),
    trigger: Trigger,
    condition: Type.Optional(Nullable(Expression)),
    actions: Type.Array(Action, { minItems: 1, maxItems: 10 }),
  },
  { additionalProperties: false },
);
export type CreateAutomation = Static<typeof CreateAutomation>;

export const UpdateAutomation = Type.Partial(CreateAutomation, { additionalProperties: false, minProperties: 1 });
export type UpdateAutomation = Static<typeof UpdateAutomation>;

export const Automation = Type.Object({
  id: Uuid,
  object: Type.String(),
  name: Type.String(),
  enabled: Type.Boolean(),
  trigger: Trigger,
  condition: Nullable(Type.String()),
  actions: Type.Array(Action),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Automation = Static<typeof Automation>;
export const AutomationList = Type.Object({ data: Type.Array(Automation) });

export const ActionOutcome = Type.Object({
  type: Type.String(),
  status: Type.Union([Type.Literal('pending'), Type.Literal('succeeded'), Type.Literal('failed'), Type.Literal('skipped')]),
  error: Nullable(Type.String()),
  attempts: Type.Integer(),
  at: Nullable(Type.String({ format: 'date-time' })),
});
export type ActionOutcome = Static<typeof ActionOutcome>;

export const AutomationRun = Type.Object({
  id: Uuid,
  trigger: Type.String({ description: '`event:<event id>` or `date:<record id>:<date>`: a run per automation and trigger' }),
  recordId: Nullable(Uuid),
  status: Type.Union([Type.Literal('running'), Type.Literal('succeeded'), Type.Literal('failed'), Type.Literal('skipped')]),
  attempts: Type.Integer(),
  error: Nullable(Type.String()),
  actions: Type.Array(ActionOutcome),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type AutomationRun = Static<typeof AutomationRun>;
export const AutomationRuns = Type.Object({ data: Type.Array(AutomationRun) });

export const AutomationParams = Type.Object({ key: Type.String({ minLength: 1, maxLength: 64 }), id: Uuid }, { additionalProperties: false });
export const RunsQuery = Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }) }, { additionalProperties: false });

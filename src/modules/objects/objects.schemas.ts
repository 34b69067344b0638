import { Type, type Static } from 'typebox';
import { Nullable, Page, PageQuery, SearchQuery, Timestamp, Uuid } from '../../kernel/http/schemas.js';
import { FIELD_TYPES, STANDARD_TARGETS } from './fields.js';

const ObjectKey = Type.String({ pattern: '^[a-z][a-z0-9_]{1,39}$', description: 'snake_case, 2 to 40 characters; not a reserved word (`members`, `units`, `definitions`, ...)' });
const FieldKey = Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$', description: 'snake_case, 1 to 40 characters; never changes (the label does)' });
const Label = Type.String({ minLength: 1, maxLength: 120 });
const Icon = Type.String({ minLength: 1, maxLength: 60, description: 'An icon name of the web app' });
const Description = Type.String({ maxLength: 2000 });

const SelectOption = Type.Object({ key: Type.String({ pattern: '^[a-z0-9][a-z0-9_-]{0,39}$' }), label: Label, color: Type.Optional(Type.String({ pattern: '^#[0-9a-fA-F]{6}$' })) }, { additionalProperties: false });

export const FieldConfig = Type.Object(
  {
    maxLength: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, description: 'text: at most this many characters (500 at most)' })),
    decimals: Type.Optional(Type.Integer({ minimum: 0, maximum: 6, description: 'number: digits after the decimal point (default 6)' })),
    currency: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$', description: 'currency: the ISO 4217 code of every value (required)' })),
    options: Type.Optional(Type.Array(SelectOption, { minItems: 1, maxItems: 200, description: 'select and multi_select: the options (required)' })),
    target: Type.Optional(Type.String({ minLength: 2, maxLength: 40, description: `relation: ${STANDARD_TARGETS.join(', ')}, or the key of a custom object (required)` })),
    many: Type.Optional(Type.Boolean({ description: 'relation: many-to-many (a list of ids) rather than to-one' })),
    expression: Type.Optional(Type.String({ minLength: 1, maxLength: 2000, description: 'formula: the expression, e.g. `days_between(today(), valid_to)` (see the guide, "Formulas and rollups")' })),
    fn: Type.Optional(Type.Enum(['count', 'sum', 'min', 'max'], { type: 'string', description: 'rollup: the aggregate (required)' })),
    object: Type.Optional(Type.String({ minLength: 2, maxLength: 40, description: 'rollup: the custom object whose records point at this one through their to-one `relation`; absent: `relation` is this object\'s many-to-many field' })),
    relation: Type.Optional(Type.String({ minLength: 1, maxLength: 40, description: 'rollup: a relation field key (required)' })),
    field: Type.Optional(Type.String({ minLength: 1, maxLength: 40, description: 'rollup: the related records\' field to sum, min or max (count may go without)' })),
  },
  { additionalProperties: false },
);

const Bound = Type.Union([Type.Number(), Type.String({ maxLength: 40 }), Type.Null()], { description: 'number/currency: the value (currency in minor units); text: the length; date: YYYY-MM-DD; datetime: an instant' });
export const FieldRules = Type.Object(
  {
    required: Type.Optional(Type.Boolean()),
    unique: Type.Optional(Type.Boolean({ description: 'Enforced by the database: two records never hold the same value (texts compared ignoring case)' })),
    min: Type.Optional(Bound),
    max: Type.Optional(Bound),
    pattern: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 200, description: 'text: a regular expression the whole value must match' }))),
    apiOnly: Type.Optional(Type.Boolean({ description: 'Only API keys may write the field; people read it only' })),
  },
  { additionalProperties: false },
);
export type FieldRulesInput = Static<typeof FieldRules>;

export const FieldSpec = Type.Object(
  { key: FieldKey, label: Label, type: Type.Enum(FIELD_TYPES, { type: 'string' }), config: Type.Optional(FieldConfig), rules: Type.Optional(FieldRules) },
  { additionalProperties: false },
);
export type FieldSpec = Static<typeof FieldSpec>;

export const Field = Type.Object({
  id: Uuid,
  key: Type.String(),
  label: Type.String(),
  type: Type.String(),
  config: Type.Object({}, { additionalProperties: true }),
  rules: Type.Object({}, { additionalProperties: true }),
  position: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  removedAt: Type.Union([Timestamp, Type.Null()]),
});
export type Field = Static<typeof Field>;

export const Definition = Type.Object({
  id: Uuid,
  key: Type.String(),
  kind: Type.Enum(['object', 'extension'], { type: 'string' }),
  singular: Type.String(),
  plural: Type.String(),
  icon: Nullable(Type.String()),
  description: Type.String(),
  version: Type.Integer({ description: 'Bumped by every change of the object or its fields' }),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  archivedAt: Type.Union([Timestamp, Type.Null()]),
  fields: Type.Array(Field),
  rules: Type.Array(Type.Object({ id: Uuid, expression: Type.String(), message: Type.String(), fields: Type.Array(Type.String()) }), { description: 'Cross-field rules: every write must not make one false' }),
  recordCount: Type.Optional(Type.Integer({ minimum: 0, description: 'In the list only: how many records the object has (not on extensions)' })),
  removedFields: Type.Array(Field, { description: 'Removed fields not purged: their values are kept, and a field can be restored' }),
});
export type Definition = Static<typeof Definition>;

export const CreateDefinition = Type.Object(
  {
    key: ObjectKey,
    singular: Label,
    plural: Label,
    icon: Type.Optional(Icon),
    description: Type.Optional(Description),
    extends: Type.Optional(Type.Enum(STANDARD_TARGETS, { type: 'string', description: 'The custom fields of a standard record kind: the key must be the same word' })),
    fields: Type.Optional(Type.Array(FieldSpec, { maxItems: 200 })),
  },
  { additionalProperties: false },
);
export type CreateDefinition = Static<typeof CreateDefinition>;

export const UpdateDefinition = Type.Object(
  { singular: Type.Optional(Label), plural: Type.Optional(Label), icon: Type.Optional(Nullable(Icon)), description: Type.Optional(Description) },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateDefinition = Static<typeof UpdateDefinition>;

export const UpdateField = Type.Object(
  {
    label: Type.Optional(Label),
    rules: Type.Optional(FieldRules),
    options: Type.Optional(Type.Array(SelectOption, { minItems: 1, maxItems: 200, description: 'select and multi_select: the options, replaced whole' })),
    expression: Type.Optional(Type.String({ minLength: 1, maxLength: 2000, description: 'formula: the expression' })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateField = Static<typeof UpdateField>;

export const ListDefinitionsQuery = Type.Object({ includeArchived: Type.Optional(Type.Boolean({ default: false })) }, { additionalProperties: false });
export const DefinitionList = Type.Object({ data: Type.Array(Definition) });

export const DefinitionChange = Type.Object({
  version: Type.Integer(),
  action: Type.String({ description: 'created, updated, archived, field_added, field_updated, field_removed, field_restored, field_purged' }),
  fieldId: Type.Union([Uuid, Type.Null()]),
  details: Type.Object({}, { additionalProperties: true }),
  actor: Type.Union([Uuid, Type.Null()]),
  changedAt: Timestamp,
});
export const DefinitionChanges = Type.Object({ data: Type.Array(DefinitionChange) });

export const KeyParams = Type.Object({ key: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: false });
export const FieldParams = Type.Object({ key: Type.String({ minLength: 1, maxLength: 64 }), field: Type.String({ minLength: 1, maxLength: 64, description: 'A live field\'s key, or any field\'s id' }) }, { additionalProperties: false });
export const RecordParams = Type.Object({ key: Type.String({ minLength: 1, maxLength: 64 }), id: Uuid }, { additionalProperties: false });
export const ExtensionParams = Type.Object({ target: Type.String({ minLength: 1, maxLength: 64, description: STANDARD_TARGETS.join(', ') }), id: Uuid }, { additionalProperties: false });

/** A record as the API shows it: its values keyed by field key, besides these. */
export const ObjectRecord = Type.Object(
  { id: Uuid, createdAt: Timestamp, updatedAt: Timestamp, version: Type.Integer({ description: 'Bumped by every change; send it back as `If-Match` to change only what you read' }) },
  { additionalProperties: true, description: 'The values of the object\'s fields, keyed by field key, besides id, createdAt, updatedAt and version' },
);
export type ObjectRecord = Static<typeof ObjectRecord> & Record<string, unknown>;
export const RecordPage = Page(ObjectRecord);

export const RecordBody = Type.Object({}, { additionalProperties: true, maxProperties: 200, description: 'Values keyed by field key' });
export type RecordBody = Record<string, unknown>;

export const IfMatchHeaders = Type.Object({ 'if-match': Type.Optional(Type.String({ maxLength: 20, description: 'The version the change is based on (`"3"` or `3`): refused with 409 objects.version_conflict when the record has changed since' })) });

export const ListRecordsQuery = Type.Object(
  {
    ...PageQuery,
    q: Type.Optional(SearchQuery('Matches any text, e-mail, phone, URL or select field containing it')),
    sort: Type.Optional(Type.String({ maxLength: 200, description: 'Field keys, comma-separated, `-` for descending (`-valid_to,plate`); `createdAt` (the default) or `-createdAt`' })),
  },
  {
    additionalProperties: Type.String({ maxLength: 500 }),
    description: 'Filters: `filter[<field>]=<value>` (equals), `filter[<field>][<op>]=<value>` with op eq, ne, gt, gte, lt, lte, contains, starts_with, in (comma-separated) or is_blank (true/false)',
  },
);
export type ListRecordsQuery = Static<typeof ListRecordsQuery> & Record<string, string | number | undefined>;

const RuleExpression = Type.String({ minLength: 1, maxLength: 2000, description: 'An expression giving true or false, e.g. `valid_to > valid_from`; a write that makes it false is refused (null passes)' });
const RuleMessage = Type.String({ minLength: 1, maxLength: 300, description: 'What a refused write is told' });
const RuleFields = Type.Array(FieldKey, { maxItems: 20, description: 'The fields the refusal\'s field errors name (none: the rule\'s own `rules.<id>`)' });
export const RuleSpec = Type.Object({ expression: RuleExpression, message: RuleMessage, fields: Type.Optional(RuleFields) }, { additionalProperties: false });
export type RuleSpec = Static<typeof RuleSpec>;
export const UpdateRule = Type.Object({ expression: Type.Optional(RuleExpression), message: Type.Optional(RuleMessage), fields: Type.Optional(RuleFields) }, { additionalProperties: false, minProperties: 1 });
export type UpdateRule = Static<typeof UpdateRule>;
export const RuleParams = Type.Object({ key: Type.String({ minLength: 1, maxLength: 64 }), rule: Uuid }, { additionalProperties: false });

export const ExpressionCheck = Type.Object(
  {
    expression: Type.String({ maxLength: 4000 }),
    purpose: Type.Optional(Type.Enum(['formula', 'rule', 'condition'], { type: 'string', description: 'formula (the default): any value a field holds; rule and condition: true or false' })),
  },
  { additionalProperties: false },
);
export const ExpressionPosition = Type.Object({ start: Type.Integer(), end: Type.Integer(), line: Type.Integer(), column: Type.Integer() });
export const ExpressionCheckResult = Type.Object({
  ok: Type.Boolean(),
  type: Nullable(Type.Object({ kind: Type.String(), currency: Type.Optional(Nullable(Type.String())), description: Type.String() }, { description: 'The result\'s type (null when it does not check)' })),
  volatile: Type.Boolean({ description: 'Reads today() or now(): recomputed daily' }),
  errors: Type.Array(Type.Object({ code: Type.String(), message: Type.String(), position: Nullable(ExpressionPosition) })),
});

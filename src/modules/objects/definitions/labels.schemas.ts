import { Type, type Static } from 'typebox';
import { DateOnly, Uuid } from '../../../kernel/http/schemas.js';

export const LabelsQuery = Type.Object(
  {
    target: Type.String({ pattern: '^[a-z][a-z0-9_]{1,39}$', description: '`member`, `unit`, `property`, `lease`, or a custom object\'s key' }),
    ids: Type.String({ minLength: 1, maxLength: 3800, description: 'Up to 100 record ids, comma-separated' }),
  },
  { additionalProperties: false },
);

export const RecordLabel = Type.Object({
  id: Uuid,
  label: Type.String({ description: 'A member\'s name, a unit\'s label, a property\'s name, a lease\'s unit, a record\'s title field (empty when it has none)' }),
  startDate: Type.Optional(DateOnly),
});
export type RecordLabel = Static<typeof RecordLabel>;
export const RecordLabels = Type.Object({ data: Type.Array(RecordLabel, { description: 'Ids that name no record are left out' }) });

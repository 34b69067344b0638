import { Type } from 'typebox';
import { Timestamp } from '../http/schemas.js';
import { METER_KEYS, type Meter } from './meters.js';

export const MeterKey = Type.Unsafe<Meter>(Type.String({ enum: METER_KEYS, description: 'A meter: counters (e-mails, SMS, API requests, charges) and gauges (members, units, users, stored bytes, custom objects, their fields and records)' }));

export const UsageQuery = Type.Object(
  {
    meter: Type.Optional(MeterKey),
    from: Type.Optional(Type.String({ format: 'date-time', description: 'Start of the range (inclusive); default: a month back (two days by hour, a year by month)' })),
    to: Type.Optional(Type.String({ format: 'date-time', description: 'End of the range (exclusive); default: now' })),
    granularity: Type.Optional(Type.Union([Type.Literal('hour'), Type.Literal('day'), Type.Literal('month')], { default: 'day', description: 'Bucket size, in UTC' })),
  },
  { additionalProperties: false },
);

export const UsageReport = Type.Object({
  granularity: Type.Union([Type.Literal('hour'), Type.Literal('day'), Type.Literal('month')]),
  from: Timestamp,
  to: Timestamp,
  data: Type.Array(
    Type.Object({
      meter: MeterKey,
      kind: Type.Union([Type.Literal('gauge'), Type.Literal('counter')]),
      unit: Type.String(),
      total: Type.Integer({ description: "A counter's sum over the range; a gauge's highest level in it" }),
      points: Type.Array(Type.Object({ at: Timestamp, value: Type.Integer() }), { description: 'The buckets with usage, oldest first; a missing bucket had none reported' }),
    }),
  ),
});

/**
 * What the platform measures of each tenant: the data planes report it (through their outbox),
 * the control plane aggregates it per hour, day and month and prices it per plan.
 * - a gauge is a level (members there are): a bucket holds the highest value reported in it;
 * - a counter is a flow (e-mails sent): a bucket holds the sum of what was reported in it.
 */
export const METERS = {
  members: { kind: 'gauge', unit: 'members', description: 'Members on the register' },
  units: { kind: 'gauge', unit: 'units', description: 'Units (homes, shops, plots)' },
  users: { kind: 'gauge', unit: 'users', description: 'Active users' },
  storageBytes: { kind: 'gauge', unit: 'bytes', description: 'Documents stored' },
  objects: { kind: 'gauge', unit: 'objects', description: 'Custom objects defined' },
  objectFields: { kind: 'gauge', unit: 'fields', description: 'Fields of custom objects and of standard records' },
  objectRecords: { kind: 'gauge', unit: 'records', description: 'Records of custom objects' },
  emails: { kind: 'counter', unit: 'e-mails', description: 'E-mails sent' },
  sms: { kind: 'counter', unit: 'segments', description: 'SMS segments sent (a text over 160 characters, or 70 with characters outside GSM-7, goes as several)' },
  apiRequests: { kind: 'counter', unit: 'requests', description: 'API requests served' },
  charges: { kind: 'counter', unit: 'charges', description: 'Charges created (billing runs, late fees, by hand)' },
} as const satisfies Record<string, { kind: 'gauge' | 'counter'; unit: string; description: string }>;

export type Meter = keyof typeof METERS;
export const METER_KEYS = Object.keys(METERS) as Meter[];
export type GaugeMeter = { [K in Meter]: (typeof METERS)[K]['kind'] extends 'gauge' ? K : never }[Meter];
export type CounterMeter = Exclude<Meter, GaugeMeter>;
export const GAUGES = METER_KEYS.filter((m) => METERS[m].kind === 'gauge') as GaugeMeter[];

export const isMeter = (value: string): value is Meter => Object.hasOwn(METERS, value);

/**
 * The events a data plane reports usage with. Types under `platform.` are the platform's own:
 * a tenant's subscriber of `*` (a webhook endpoint) never receives them.
 */
export const USAGE_RECORDED = 'platform.usage.recorded';
export const USAGE_SNAPSHOT = 'platform.usage.snapshot';

/** Something counted happened (`quantity` of it); the event's id is its idempotency key. */
export interface UsageRecordedData {
  meter: CounterMeter;
  quantity: number;
}

/** The levels of a tenant's gauges at one moment (the daily snapshot). */
export interface UsageSnapshotData {
  values: Partial<Record<GaugeMeter, number>>;
}

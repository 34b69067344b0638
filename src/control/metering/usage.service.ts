import type { FastifyBaseLogger as Logger } from 'fastify';
import type { Db } from '../../kernel/db/tables.js';
import { AppError } from '../../kernel/errors.js';
import type { DomainEvent } from '../../kernel/events/event.js';
import { isMeter, METER_KEYS, METERS, USAGE_RECORDED, USAGE_SNAPSHOT, type Meter, type UsageRecordedData, type UsageSnapshotData } from '../../kernel/metering/meters.js';
import { UsageRepository, type CountedUsage, type GaugeReading, type Granularity } from './usage.repository.js';

export interface UsageQuery {
  meter?: Meter;
  from?: string;
  to?: string;
  granularity?: Granularity;
}

export interface UsageSeries {
  meter: Meter;
  kind: 'gauge' | 'counter';
  unit: string;
  /** A counter's sum over the range; a gauge's highest level in it. */
  total: number;
  points: { at: Date; value: number }[];
}

const DAY_MS = 86_400_000;
/** How far back a query reaches when it says nothing: a month of days, or of hours for hourly. */
const DEFAULT_SPAN_DAYS = { hour: 2, day: 31, month: 366 } as const;
/** The most buckets a query may cover: a year of days, two months of hours, ten years of months. */
const MAX_SPAN_DAYS = { hour: 62, day: 366, month: 3660 } as const;

/** Sorts a batch of usage events into counted quantities and gauge readings; malformed ones are logged and dropped. */
export function readingsOf(events: DomainEvent[], log: Logger): { counted: CountedUsage[]; gauges: GaugeReading[] } {
  const counted: CountedUsage[] = [];
  const gauges: GaugeReading[] = [];
  for (const event of events) {
    if (!event.tenantId) continue;
    if (event.type === USAGE_RECORDED) {
      const { meter, quantity } = event.data as UsageRecordedData;
      if (isMeter(meter) && METERS[meter].kind === 'counter' && Number.isSafeInteger(quantity) && quantity > 0) {
        counted.push({ eventId: event.id, tenantId: event.tenantId, meter, quantity, at: event.occurredAt });
        continue;
      }
    } else if (event.type === USAGE_SNAPSHOT) {
      const values = Object.entries((event.data as UsageSnapshotData).values ?? {});
      if (values.every(([m, v]) => isMeter(m) && METERS[m].kind === 'gauge' && Number.isSafeInteger(v) && v >= 0)) {
        gauges.push(...values.map(([meter, value]) => ({ tenantId: event.tenantId!, meter, value, at: event.occurredAt })));
        continue;
      }
    }
    log.warn({ event: event.id, type: event.type, tenant: event.tenantId }, 'usage event not understood: not counted');
  }
  return { counted, gauges };
}

/** The platform's metering: usage reported by the data planes, aggregated as it arrives, and read back per tenant. */
export class UsageService {
  constructor(private readonly now: () => Date = () => new Date()) {}

  /** Aggregates a batch of usage events in one transaction; a redelivered event counts nothing. Answers the events counted. */
  async ingest(db: Db, events: DomainEvent[], log: Logger): Promise<number> {
    const { counted, gauges } = readingsOf(events, log);
    return db.transaction().execute(async (trx) => {
      const repo = new UsageRepository(trx);
      const fresh = await repo.addCounted(counted);
      await repo.raiseGauges(gauges);
      return fresh + gauges.length;
    });
  }

  /** What a period used, per meter, as its invoice prices it: a counter's sum, a gauge's peak. */
  async periodUsage(db: Db, tenantId: string, from: Date, to: Date): Promise<Partial<Record<Meter, number>>> {
    const totals = await new UsageRepository(db).periodTotals(tenantId, from, to);
    return Object.fromEntries(totals.filter((t) => isMeter(t.meter)).map((t) => [t.meter, METERS[t.meter as Meter].kind === 'counter' ? t.sum : t.peak]));
  }

  /** A tenant's usage per meter over a range, bucket by bucket (UTC). */
  async usage(db: Db, tenantId: string, query: UsageQuery): Promise<{ granularity: Granularity; from: Date; to: Date; data: UsageSeries[] }> {
    const granularity = query.granularity ?? 'day';
    const to = query.to ? new Date(query.to) : this.now();
    const from = query.from ? new Date(query.from) : new Date(to.getTime() - DEFAULT_SPAN_DAYS[granularity] * DAY_MS);
    if (from.getTime() >= to.getTime()) throw new AppError('validation_failed', 'The range is empty', { errors: [{ field: 'from', message: 'must be before to' }] });
    if (to.getTime() - from.getTime() > MAX_SPAN_DAYS[granularity] * DAY_MS) {
      throw new AppError('validation_failed', 'The range is too long', { errors: [{ field: 'from', message: `at most ${MAX_SPAN_DAYS[granularity]} days by ${granularity}` }] });
    }
    const meters = query.meter ? [query.meter] : METER_KEYS;
    const points = await new UsageRepository(db).series(tenantId, granularity, from, to, meters);
    const data = meters.map((meter): UsageSeries => {
      const mine = points.filter((p) => p.meter === meter).map((p) => ({ at: p.bucket, value: p.value }));
      const { kind, unit } = METERS[meter];
      const total = kind === 'counter' ? mine.reduce((sum, p) => sum + p.value, 0) : Math.max(0, ...mine.map((p) => p.value));
      return { meter, kind, unit, total, points: mine };
    });
    return { granularity, from, to, data };
  }
}

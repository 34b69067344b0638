import type { IsoDate } from '../../../kernel/dates.js';
import type { Month } from './billing.periods.js';
import type { Schedule, SkipReason } from './billing.schemas.js';

/** One line of a run's plan: a charge to make (or found made), or something not charged and why. */
export interface PlanLine {
  scheduleId: string;
  kind: Schedule['kind'];
  status: 'pending' | 'existing' | 'skipped';
  /** The unit's levy or the lease period's rent this line is part of. */
  target: string;
  naturalKey: string | null;
  memberId: string | null;
  unitId: string | null;
  leaseId: string | null;
  amount: number | null;
  currency: string | null;
  description: string | null;
  periodStart: IsoDate | null;
  periodEnd: IsoDate | null;
  dueDate: IsoDate | null;
  reason: SkipReason | null;
  detail: string | null;
  /** The charge already made under the natural key (status `existing`). */
  chargeId: string | null;
}

export interface Plan {
  period: Month;
  schedules: Schedule[];
  lines: PlanLine[];
}

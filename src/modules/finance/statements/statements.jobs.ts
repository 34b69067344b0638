import type { JobDefinition } from '../../../kernel/jobs/job.js';
import type { FinanceOptions } from '../options.js';
import { runMonthlyStatements } from './statements.service.js';

const STATEMENT_JOB = 'finance.statements';

export const statementsJobs = (options: FinanceOptions): JobDefinition[] => [
  {
    name: STATEMENT_JOB,
    // 05:00 on the 1st in the tenant's zone: last month's statements.
    schedule: { cron: '0 5 1 * *', perTenant: true, tenantLocal: true },
    retry: { limit: 5, delaySeconds: 60 },
    leaseSeconds: 3_600,
    handler: (job, ctx) => runMonthlyStatements((job.data as { tenantId: string }).tenantId, ctx, options),
  },
];


import type { Db } from '../../kernel/db/tables.js';
import type { JobDefinition } from '../../kernel/jobs/job.js';
import type { LicencesService } from './licences.service.js';
import { LicencesRepository } from './licences.repository.js';

export const LICENCE_RENEWAL_JOB = 'control.licences.renew';
/** Renewed this long before expiry: a month of failed runs still leaves time to notice and act. */
const RENEW_WITHIN_DAYS = 60;
const PAGE = 200;

/**
 * The daily renewal of every active tenant's licence (a licence lasts a year; without this every
 * tenant would be locked out a year and a grace period after it was provisioned). Suspended and
 * archived tenants are not renewed. Each renewal is its own transaction: one tenant whose
 * licence cannot be reissued (its plan names a module this build no longer has) is logged and
 * does not hold up the others.
 */
export function licenceRenewalJob(deps: { db: Db; licences: LicencesService; onChange: () => void }): JobDefinition {
  return {
    name: LICENCE_RENEWAL_JOB,
    schedule: { cron: '17 3 * * *', perTenant: false },
    retry: { limit: 3, delaySeconds: 300 },
    async handler(_job, ctx) {
      const before = new Date(ctx.now().getTime() + RENEW_WITHIN_DAYS * 86_400_000);
      const failed = new Set<string>();
      let renewed = 0;
      for (;;) {
        const due = (await new LicencesRepository(deps.db).expiringForActiveTenants(before, PAGE + failed.size)).filter((d) => !failed.has(d.tenantId));
        if (due.length === 0) break;
        for (const d of due) {
          try {
            await deps.db.transaction().execute((trx) => deps.licences.renew({ db: trx, actor: 'system', log: ctx.log }, { id: d.tenantId, slug: d.slug, plan: d.planKey }, d));
            renewed++;
          } catch (error) {
            failed.add(d.tenantId);
            ctx.log.error({ err: error, tenant: d.slug }, 'could not renew the licence');
          }
        }
      }
      if (renewed > 0) deps.onChange();
      ctx.log.info({ renewed, failed: failed.size }, 'licences renewed');
    },
  };
}

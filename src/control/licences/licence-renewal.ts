import type { FastifyBaseLogger as Logger } from 'fastify';
import type { Db } from '../../kernel/db/tables.js';
import type { JobDefinition } from '../../kernel/jobs/job.js';
import type { LicencesService } from './licences.service.js';
import { LicencesRepository, type CurrentLicence } from './licences.repository.js';

export const LICENCE_RENEWAL_JOB = 'control.licences.renew';
export const LICENCE_REISSUE_JOB = 'control.licences.reissue';
/** Renewed this long before expiry: a month of failed runs still leaves time to notice and act. */
const RENEW_WITHIN_DAYS = 60;
const PAGE = 200;

interface Deps {
  db: Db;
  licences: LicencesService;
  /** The registry changed: one tenant (its id), or any number of them (none). */
  onChange: (tenantId?: string) => void;
}

/**
 * Walks `due` page by page, each tenant in its own transaction: one whose licence cannot be
 * issued (its plan names a module this build no longer has) is logged, skipped, and does not
 * hold up the others. Answers how many were done.
 */
async function eachDue(deps: Deps, log: Logger, due: (repo: LicencesRepository, limit: number) => Promise<CurrentLicence[]>, act: 'renew' | 'reissue'): Promise<number> {
  const failed = new Set<string>();
  let done = 0;
  for (;;) {
    const page = (await due(new LicencesRepository(deps.db), PAGE + failed.size)).filter((d) => !failed.has(d.tenantId));
    if (page.length === 0) break;
    for (const d of page) {
      try {
        await deps.db.transaction().execute((trx) => deps.licences[act]({ db: trx, actor: 'system', log }, { id: d.tenantId, slug: d.slug, plan: d.planKey }, d));
        done++;
      } catch (error) {
        failed.add(d.tenantId);
        log.error({ err: error, tenant: d.slug }, `could not ${act} the licence`);
      }
    }
  }
  if (done > 0) deps.onChange();
  log.info({ [act === 'renew' ? 'renewed' : 'reissued']: done, failed: failed.size }, `licences ${act === 'renew' ? 'renewed' : 'reissued'}`);
  return done;
}

/** Brings the licences of a plan's tenants (or every plan's) in line with the plan's latest edit. */
const reissueStale = (deps: Deps, log: Logger, plan: string | null) => eachDue(deps, log, (repo, limit) => repo.olderThanTheirPlan(plan, limit), 'reissue');

/**
 * The daily renewal of every active tenant's licence (a licence lasts a year; without this every
 * tenant would be locked out a year and a grace period after it was provisioned). Suspended and
 * archived tenants are not renewed. It also reissues any licence a plan edit has not reached
 * yet (the edit's own job failed or was lost), so the two never stay apart for more than a day.
 */
export function licenceRenewalJob(deps: Deps): JobDefinition {
  return {
    name: LICENCE_RENEWAL_JOB,
    schedule: { cron: '17 3 * * *', perTenant: false },
    retry: { limit: 3, delaySeconds: 300 },
    async handler(_job, ctx) {
      await reissueStale(deps, ctx.log, null);
      const before = new Date(ctx.now().getTime() + RENEW_WITHIN_DAYS * 86_400_000);
      await eachDue(deps, ctx.log, (repo, limit) => repo.expiringForActiveTenants(before, limit), 'renew');
    },
  };
}

/**
 * Queued by a plan edit that changes its modules or limits (`{plan}`): reissues the licence of
 * each of the plan's active and suspended tenants with the new terms, keeping each one's own
 * adjustments and expiry. Running it twice reissues nothing the second time.
 */
export function licenceReissueJob(deps: Deps): JobDefinition {
  return {
    name: LICENCE_REISSUE_JOB,
    retry: { limit: 5, delaySeconds: 30 },
    async handler(job, ctx) {
      await reissueStale(deps, ctx.log, (job.data as { plan: string }).plan);
    },
  };
}

import { recordUsage } from '../../kernel/metering/usage.js';
import type { JobContext } from '../../kernel/jobs/job.js';
import { SmsDeliveryError, type SmsSender } from '../../kernel/sms/sms.js';
import { AnnouncementsRepository } from './announcements.repository.js';
import { ConsentRepository } from './consent.repository.js';
import { smsText } from './communications.service.js';
import type { ConsentService } from './consent.service.js';

export interface SmsDeliveryDeps {
  consent: ConsentService;
  sender: SmsSender;
}

/** Minutes of the day in `timeZone` at `now`. */
function minuteOfDay(now: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(now);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return get('hour') * 60 + get('minute');
}
const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Minutes until quiet hours end, or 0 outside them (a span may run past midnight). */
export function quietFor(now: Date, timeZone: string, quiet: { start: string; end: string } | null): number {
  if (!quiet) return 0;
  const at = minuteOfDay(now, timeZone);
  const start = toMinutes(quiet.start);
  const end = toMinutes(quiet.end);
  const inside = start <= end ? at >= start && at < end : at >= start || at < end;
  return inside ? (end - at + 1440) % 1440 : 0;
}

/**
 * Sends one announcement's SMS to one member. At most once: the row is claimed (its provider
 * id set to `pending`) in a transaction before the provider is called, so a worker that dies
 * mid-send leaves a row a retry will not send again (it is marked failed, to be looked into),
 * rather than a second text. Quiet hours push the send to their end.
 */
export async function sendSms(deps: SmsDeliveryDeps, tenantId: string, announcementId: string, memberId: string, ctx: JobContext): Promise<void> {
  const tenant = await ctx.tenant(tenantId);
  const quiet = (await ctx.tenantTransaction(tenantId, (db) => deps.consent.settings({ db, tenant }))).quietHours;
  const wait = quietFor(ctx.now(), tenant.timeZone, quiet);
  if (wait > 0) {
    // Queued outside any transaction of ours: the queue's own connection would wait for it on
    // the embedded database. A second wait queued by a retry sends nothing twice (the claim below).
    await ctx.queue.send('communications.sms', { tenantId, announcementId, memberId }, { startAfter: new Date(ctx.now().getTime() + wait * 60_000), tenantId });
    return;
  }
  const claimed = await ctx.tenantTransaction(tenantId, async (db) => {
    const repo = new AnnouncementsRepository(db);
    const row = await repo.claimSms(announcementId, memberId);
    if (!row) {
      await repo.abandonSms(announcementId, memberId, 'the worker stopped while sending: not sent again, to send no text twice', ctx.now());
      return null;
    }
    const a = await repo.find(announcementId);
    return a ? { ...row, text: smsText(tenant.name, a) } : null;
  });
  if (!claimed?.address || !claimed.messageId) return;
  const callback = deps.consent.smsCallbackUrl(tenant);
  // The provider took it: the platform meters its segments (what a carrier charges) whatever its delivery comes to.
  const record = (status: string, providerId: string | null, reason: string | null, segments: number) =>
    ctx.tenantTransaction(tenantId, async (db) => {
      await new AnnouncementsRepository(db).recordSms(announcementId, memberId, { status, providerId, reason }, ctx.now());
      await recordUsage({ db, tenant }, 'sms', segments);
    });
  try {
    const sent = await deps.sender.send({ id: claimed.messageId, to: claimed.address, body: claimed.text, ...(callback ? { statusCallbackUrl: callback } : {}) });
    await record(sent.status, sent.providerId, null, sent.segments);
  } catch (caught: unknown) {
    if (!(caught instanceof SmsDeliveryError)) throw caught;
    const error = caught;
    if (error.permanent) {
      await ctx.tenantTransaction(tenantId, async (db) => {
        await new AnnouncementsRepository(db).recordSms(announcementId, memberId, { status: 'failed', providerId: null, reason: error.message }, ctx.now());
        // 21610: the number replied STOP to our sender (perhaps before we heard of it): no more texts to it.
        if (error.code === 21610) await new ConsentRepository(db).optOut(tenantId, memberId, 'sms', '*', 'stop');
      });
      return;
    }
    // Not taken: release the claim so that the retry sends it; nothing was sent, so nothing is metered.
    await record('queued', null, error.message, 0);
    throw error;
  }
}

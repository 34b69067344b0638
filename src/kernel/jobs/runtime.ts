import type { FastifyBaseLogger } from 'fastify';
import PgBoss from 'pg-boss';
import type { Database } from '../db/database.js';
import type { TenantDatabaseRouter } from '../db/router.js';
import type { DomainEvent } from '../events/event.js';
import { relayOutboxes } from './outbox-relay.js';
import { JOBS_CHANNEL, QueueAnnouncer } from './queue-announcer.js';
import { DEAD_LETTER_QUEUE, DEFAULT_LEASE_SECONDS, DEFAULT_RETRY, SUBSCRIBER_PREFIX, TRACEPARENT, type EventBatch } from './subscriber-jobs.js';
import type { EventSubscriber, Job, JobContext, JobDefinition, JobOptions, JobQueue } from './job.js';
import { jobContext } from './job-context.js';
import { dueAt, localTickCron, tickInstant } from './local-schedule.js';
import { JobsRepository, type JobFilter, type JobRecord, type QueueCount } from './jobs.repository.js';
import type { ModuleHost } from '../modules/module-host.js';
import { currentTraceparent, TENANT_ID, withSpan } from '../observability/tracing.js';
import type { TenantDirectory } from '../tenant-directory.js';

const TICK_PREFIX = 'tick.';
const WORKERS_PER_QUEUE = 4;
/** Jobs a batch subscriber's run takes at once (each holds a relay pass's events, up to its batch size). */
const BATCH_JOBS_PER_RUN = 2;
/** How often pg-boss looks for runs past their lease (its default, 2 minutes, would dwarf short leases). */
const MAINTENANCE_INTERVAL_SECONDS = 15;
/** Raised by the control outbox's trigger on commit, and for tenant outboxes by a process without a relay after its write (the router's listener, below). */
const OUTBOX_CHANNEL = 'courtyard_outbox';
/**
 * The polls are a safety net: notifications wake the relay and the workers. The relay's poll
 * finds only what a lost notification left (the listening connection broke and a relay pass
 * after reconnecting missed nothing more). The due-jobs sweep finds jobs that become due later
 * — cron ticks — and retries and delayed jobs whose wake-up timer died with the process that
 * set it, and wakes their workers: one query for every queue each ten seconds, where each
 * worker polling on its own made one per worker (four per queue on a server). pg-boss's own
 * poll per worker stays, hours apart, only for a sweep that keeps failing.
 */
const RELAY_POLL_MS = 10_000;
const WORKER_POLL_SECONDS = 10;
const PG_BOSS_POLL_SECONDS = 3_600;

export interface RuntimeOptions {
  main: Database;
  router: TenantDatabaseRouter;
  directory: TenantDirectory;
  modules: ModuleHost;
  log: FastifyBaseLogger;
  /**
   * Outbox tables of a plane in the main database (the control plane's `control.outbox`),
   * relayed beside the tenants' outboxes; named by the plane, so the kernel names none.
   */
  planeOutboxes?: string[];
  /** Jobs of a plane rather than of a module (the control plane's licence renewal), scheduled and run like modules' jobs. */
  planeJobs?: JobDefinition[];
  /** A plane's reactions to events (the control plane's usage ingestion), run like modules' subscribers. */
  planeSubscribers?: EventSubscriber[];
  /** How often the relay looks at the outboxes when nothing woke it, in ms (a safety net; default 10 s). */
  relayIntervalMs?: number;
  /** How often the due-jobs sweep looks for jobs nothing woke a worker for, in seconds (default 10). */
  workerPollSeconds?: number;
  now?: () => Date;
}



/**
 * The job runtime: a pg-boss queue in the main database (PGlite through an executor that takes
 * the embedded database's single connection in turn), the workers for every module's jobs and
 * event subscribers, and the relay that moves outbox rows to jobs.
 *
 * Delivery is at least once. The relay takes outbox rows with FOR UPDATE SKIP LOCKED (several
 * workers share the work), inserts one job per subscriber and deletes the rows; for the main
 * database all of it is one transaction, so an event is relayed exactly once; for dedicated
 * databases the jobs are inserted before the rows are deleted, so a crash in between relays
 * again (subscribers are idempotent).
 */
export class JobRuntime implements JobQueue {
  readonly #boss: PgBoss;
  readonly #jobs = new Map<string, JobDefinition>();
  readonly #subscribers: EventSubscriber[] = [];
  #relayTimer: NodeJS.Timeout | undefined;
  #sweepTimer: NodeJS.Timeout | undefined;
  #started: Promise<void> | undefined;
  #relaying: Promise<unknown> = Promise.resolve();
  #stopped = false;
  /** The relay loop runs (work() was called); a pass is running; a wake came during it. */
  #relayOn = false;
  #relayBusy = false;
  #relayAgain = false;
  /** This process's workers' ids, by queue, for notifyWorker. */
  readonly #workers = new Map<string, string[]>();
  readonly #announcer: QueueAnnouncer;
  #outboxWakePending = false;
  readonly #unlisten: (() => Promise<void> | void)[] = [];

  constructor(private readonly options: RuntimeOptions, connectionString?: string) {
    const { main } = options;
    this.#announcer = new QueueAnnouncer(main, options.log);
    this.#boss =
      main.kind === 'postgres'
        ? new PgBoss({ connectionString, max: 6, schema: 'pgboss', application_name: 'courtyard-jobs', maintenanceIntervalSeconds: MAINTENANCE_INTERVAL_SECONDS })
        : new PgBoss({
            db: { executeSql: (text, values) => main.session((s) => s.rows(text, values)).then((rows) => ({ rows })) },
            schema: 'pgboss',
            maintenanceIntervalSeconds: MAINTENANCE_INTERVAL_SECONDS,
          });
    this.#boss.on('error', (error) => options.log.error({ err: error }, 'job queue error'));
    for (const job of options.planeJobs ?? []) this.#jobs.set(job.name, job);
    this.#subscribers.push(...(options.planeSubscribers ?? []));
    for (const m of options.modules.ordered) {
      for (const job of m.jobs ?? []) this.#jobs.set(job.name, job);
      this.#subscribers.push(...(m.subscribers ?? []));
    }
    // Any process may write to an outbox; the relay may run in another.
    this.#unlisten.push(options.router.onOutboxWrite(() => this.#outboxWritten()));
  }

  /** A job's definition, by name: for operators' tools and tests that run one now. */
  definition(name: string): JobDefinition | undefined {
    return this.#jobs.get(name);
  }

  get subscribers(): readonly EventSubscriber[] {
    return this.#subscribers;
  }

  /** Starts the queue once (migrating its schema): what sending and operators' calls need. */
  ready(): Promise<void> {
    return (this.#started ??= this.#start());
  }

  async #start(): Promise<void> {
    await this.#boss.start();
    await this.#ensureQueue(DEAD_LETTER_QUEUE);
    for (const job of this.#jobs.values()) {
      await this.#ensureQueue(job.name, job.retry, job.leaseSeconds);
      if (!job.schedule) continue;
      // pg-boss fires the schedule once per tick across all workers; a per-tenant schedule
      // fires a tick job that fans out.
      const target = job.schedule.perTenant ? TICK_PREFIX + job.name : job.name;
      if (job.schedule.perTenant) await this.#ensureQueue(target);
      const cron = job.schedule.tenantLocal ? localTickCron(job.schedule.cron) : job.schedule.cron;
      await this.#boss.schedule(target, cron, {}, { tz: 'UTC' });
    }
    for (const sub of this.#subscribers) await this.#ensureQueue(SUBSCRIBER_PREFIX + sub.name, sub.retry, sub.leaseSeconds);
  }

  /** Starts the workers for every job and subscriber, and the relay. */
  async work(): Promise<void> {
    await this.ready();
    for (const job of this.#jobs.values()) {
      await this.#work<object>(job.name, ([j]) => this.#run(job.handler.bind(job), j!), { concurrency: job.concurrency });
      if (job.schedule?.perTenant) await this.#work<object>(TICK_PREFIX + job.name, async ([tick]) => void (await this.fanOut(job.name, tick!.id)));
    }
    for (const sub of this.#subscribers) {
      const queue = SUBSCRIBER_PREFIX + sub.name;
      const batch = sub.batch;
      if (batch) await this.#work<DomainEvent>(queue, (jobs) => this.#runBatch(queue, jobs, (events, ctx) => batch.handle(events, ctx)), { batchSize: BATCH_JOBS_PER_RUN });
      else await this.#work<DomainEvent>(queue, ([j]) => this.#run((job, ctx) => sub.handle(job.data as DomainEvent, ctx), j!), { concurrency: sub.concurrency });
    }
    const { main } = this.options;
    // null: (re)connected, so anything may have been missed: look everywhere.
    this.#unlisten.push(await main.listen(JOBS_CHANNEL, (payload) => this.#wakeWorkers(payload === null ? [...this.#workers.keys()] : payload.split(','))));
    this.#relayOn = true;
    this.#unlisten.push(await main.listen(OUTBOX_CHANNEL, () => this.#wakeRelay()));
    this.#scheduleSweep();
  }

  #scheduleSweep(): void {
    if (this.#stopped) return;
    this.#sweepTimer = setTimeout(() => {
      new JobsRepository(this.options.main)
        .dueQueues([...this.#workers.keys()])
        .then((queues) => this.#wakeWorkers(queues))
        .catch((error: unknown) => this.options.log.warn({ err: error }, 'could not look for due jobs; pg-boss polls on its own meanwhile'))
        .finally(() => this.#scheduleSweep());
    }, (this.options.workerPollSeconds ?? WORKER_POLL_SECONDS) * 1000);
    this.#sweepTimer.unref();
  }

  /**
   * One pg-boss worker, a job at a time. pg-boss 10 waits out the polling interval after every
   * fetch, even one that found a job: a worker that found one is told to fetch the next at
   * once, and only an empty queue waits, until a notification (#wakeWorkers) or the poll.
   */
  async #work<T extends object>(queue: string, handler: (jobs: PgBoss.Job<T>[]) => Promise<void>, options: { batchSize?: number; concurrency?: number | undefined } = {}): Promise<void> {
    // Several workers per queue on a server (jobs wait on the network, e.g. webhook receivers);
    // one on the embedded database, whose single connection they would only queue for.
    const workers = this.options.main.kind === 'postgres' ? (options.concurrency ?? WORKERS_PER_QUEUE) : 1;
    for (let i = 0; i < workers; i++) await this.#workOne(queue, handler, options.batchSize ?? 1);
  }

  async #workOne<T extends object>(queue: string, handler: (jobs: PgBoss.Job<T>[]) => Promise<void>, batchSize: number): Promise<void> {
    // The id is known once work() returns; a job that comes before it just waits the interval.
    const worker: { id?: string } = {};
    const pollingIntervalSeconds = Math.max(PG_BOSS_POLL_SECONDS, this.options.workerPollSeconds ?? 0);
    worker.id = await this.#boss.work<T>(queue, { batchSize, pollingIntervalSeconds, includeMetadata: true }, async (jobs) => {
      try {
        await handler(jobs);
      } catch (error) {
        this.#announcer.announceRetry(queue, jobs[0] as PgBoss.JobWithMetadata<T> | undefined);
        throw error;
      } finally {
        if (worker.id && !this.#stopped) this.#boss.notifyWorker(worker.id);
      }
    });
    this.#workers.set(queue, [...(this.#workers.get(queue) ?? []), worker.id]);
  }

  /** Wakes this process's workers of `queues` (the others' by their own notification). */
  #wakeWorkers(queues: string[]): void {
    if (this.#stopped) return;
    for (const queue of queues) for (const id of this.#workers.get(queue) ?? []) this.#boss.notifyWorker(id);
  }

  async send(name: string, data: object, options: JobOptions = {}): Promise<string | null> {
    await this.ready();
    const def = this.#jobs.get(name);
    const traceparent = currentTraceparent();
    const id = await this.#boss.send(name, traceparent ? { ...data, [TRACEPARENT]: traceparent } : data, {
      ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
      ...(options.singletonSeconds ? { singletonSeconds: options.singletonSeconds } : {}),
      ...(options.startAfter ? { startAfter: options.startAfter } : {}),
      retryLimit: options.retryLimit ?? def?.retry?.limit ?? DEFAULT_RETRY.limit,
      retryDelay: def?.retry?.delaySeconds ?? DEFAULT_RETRY.delaySeconds,
      retryBackoff: true,
      // Per job, not only per queue: a queue created by an earlier version keeps its own.
      expireInSeconds: def?.leaseSeconds ?? DEFAULT_LEASE_SECONDS,
      ...(options.priority ? { priority: options.priority } : {}),
    });
    if (id) this.#announcer.announceIn(name, options.startAfter ? options.startAfter.getTime() - Date.now() : 0);
    return id;
  }

  /** Moves every waiting outbox row to jobs now (the loop does it on its own; tests and shutdown call it). */
  async relayNow(): Promise<number> {
    await this.ready();
    const run = this.#relaying.then(() => relayOutboxes({ ...this.options, planeOutboxes: this.options.planeOutboxes ?? [], subscribers: this.#subscribers, boss: this.#boss, announcer: this.#announcer }));
    this.#relaying = run.catch(() => undefined);
    return run;
  }

  /** Stops taking work, lets running jobs finish (up to `timeoutMs`), and closes the queue. */
  async stop(timeoutMs = 20_000): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#relayTimer);
    clearTimeout(this.#sweepTimer);
    this.#announcer.stop();
    for (const unlisten of this.#unlisten.splice(0)) await unlisten();
    await this.#relaying;
    if (this.#started) {
      await this.#started.catch(() => undefined);
      await this.#boss.stop({ graceful: true, wait: true, timeout: timeoutMs });
    }
  }

  /**
   * One job of `name` per active or suspended tenant, data `{tenantId}`, keyed by the tick so
   * that a repeated tick sends nothing twice. Returns how many were queued. A tenant-local job
   * goes only to the tenants whose own clock matches its cron at the tick `now` belongs to.
   */
  async fanOut(name: string, tickId: string, now: Date = this.context().now()): Promise<number> {
    await this.ready();
    const schedule = this.#jobs.get(name)?.schedule;
    const local = schedule?.tenantLocal ? { cron: schedule.cron, at: tickInstant(schedule.cron, now) } : null;
    let sent = 0;
    for (const tenantId of await this.options.directory.liveTenantIds()) {
      if (local) {
        const tenant = await this.options.directory.byIdOrSlug(tenantId);
        if (!tenant || !dueAt(local.cron, tenant.timeZone, local.at)) continue;
      }
      // Ticks are at most a minute apart: one job per tenant and tick within a minute's slot.
      if (await this.send(name, { tenantId }, { singletonKey: `${tenantId}:${tickId}`, singletonSeconds: 60, tenantId })) sent++;
    }
    return sent;
  }

  /** Queue counts by state and the oldest waiting job's age, for operators. */
  async stats(): Promise<QueueCount[]> {
    await this.ready();
    return new JobsRepository(this.options.main).counts();
  }

  /** A page of jobs, newest first, for operators; `before` is the last job of the previous page. */
  async list(filter: JobFilter, limit: number, before: { micros: number; id: string } | null): Promise<JobRecord[]> {
    await this.ready();
    return new JobsRepository(this.options.main).page(filter, limit, before);
  }

  /** One job (while pg-boss keeps it), for operators. */
  async find(id: string): Promise<JobRecord | null> {
    await this.ready();
    return new JobsRepository(this.options.main).find(id);
  }

  async retry(queue: string, id: string): Promise<void> {
    await this.ready();
    await this.#boss.retry(queue, id);
  }

  async discard(queue: string, id: string): Promise<void> {
    await this.ready();
    await this.#boss.deleteJob(queue, id);
  }

  context(): JobContext {
    return jobContext({ queue: this, directory: this.options.directory, router: this.options.router, log: this.options.log, ...(this.options.now ? { now: this.options.now } : {}) });
  }

  /** One run of a job, in a span that continues the trace of what caused it. */
  async #run(handler: (job: Job, ctx: JobContext) => Promise<void>, job: PgBoss.Job<object>): Promise<void> {
    const j = job as PgBoss.Job<object> & { retryCount?: number };
    const { [TRACEPARENT]: traceparent, ...data } = j.data as Record<string, unknown>;
    const retryCount = j.retryCount ?? 0;
    const attributes = { 'messaging.system': 'pg-boss', 'messaging.operation.type': 'process', 'messaging.destination.name': j.name, 'messaging.message.id': j.id, 'courtyard.job.retry_count': retryCount, [TENANT_ID]: typeof data.tenantId === 'string' ? data.tenantId : undefined };
    await withSpan(`process ${j.name}`, { kind: 'consumer', parent: typeof traceparent === 'string' ? traceparent : null, attributes }, () =>
      handler({ id: j.id, name: j.name, data, retryCount }, this.context()),
    );
  }

  /**
   * One run of a batch subscriber's jobs (subscriber-jobs.ts): the events of every job fetched,
   * so that relay passes queued while the subscriber was busy are handled together, in one
   * span that continues the trace of the first job. A job of one event (queued before its
   * subscriber took batches) is a batch of one.
   */
  async #runBatch(queue: string, jobs: PgBoss.Job<object>[], handler: (events: DomainEvent[], ctx: JobContext) => Promise<void>): Promise<void> {
    const datas = jobs.map((j) => j.data as Record<string, unknown>);
    const traceparent = datas[0]?.[TRACEPARENT];
    const events = datas.flatMap(({ [TRACEPARENT]: _traceparent, ...data }) => ('events' in data ? (data as unknown as EventBatch).events : [data as unknown as DomainEvent]));
    // The tenant, when the batch has events of one tenant only.
    const tenants = new Set(events.map((e) => e.tenantId));
    const tenantId = tenants.size === 1 ? ([...tenants][0] ?? undefined) : undefined;
    const attributes = { 'messaging.system': 'pg-boss', 'messaging.operation.type': 'process', 'messaging.destination.name': queue, 'messaging.message.id': jobs[0]?.id, 'messaging.batch.message_count': events.length, [TENANT_ID]: tenantId };
    await withSpan(`process ${queue}`, { kind: 'consumer', parent: typeof traceparent === 'string' ? traceparent : null, attributes }, () => handler(events, this.context()));
  }

  async #ensureQueue(name: string, retry = DEFAULT_RETRY, leaseSeconds = DEFAULT_LEASE_SECONDS): Promise<void> {
    if (await this.#boss.getQueue(name)) return;
    await this.#boss
      .createQueue(name, {
        name,
        retryLimit: retry.limit,
        retryDelay: retry.delaySeconds,
        retryBackoff: true,
        expireInSeconds: leaseSeconds,
        ...(name === DEAD_LETTER_QUEUE ? {} : { deadLetter: DEAD_LETTER_QUEUE }),
      })
      .catch(async (error: unknown) => {
        if (!(await this.#boss.getQueue(name))) throw error; // another worker created it first
      });
  }

  /** Runs a relay pass now, or right after the one running. */
  #wakeRelay(): void {
    if (this.#stopped || !this.#relayOn) return;
    if (this.#relayBusy) this.#relayAgain = true;
    else this.#relayPass();
  }

  /** A pass, then another at once if it moved rows or was woken meanwhile, else after the safety poll. */
  #relayPass(): void {
    clearTimeout(this.#relayTimer);
    this.#relayBusy = true;
    this.#relayAgain = false;
    this.relayNow().then(
      (moved) => this.#relayPassDone(moved > 0 || this.#relayAgain ? 0 : (this.options.relayIntervalMs ?? RELAY_POLL_MS)),
      (error: unknown) => {
        this.options.log.error({ err: error }, 'outbox relay failed');
        this.#relayPassDone(1_000);
      },
    );
  }

  #relayPassDone(delayMs: number): void {
    this.#relayBusy = false;
    if (this.#stopped) return;
    this.#relayTimer = setTimeout(() => this.#relayPass(), delayMs);
    this.#relayTimer.unref();
  }

  /** A tenant transaction of this process wrote to an outbox: relay here, or have the processes that relay do it. */
  #outboxWritten(): void {
    if (this.#relayOn) return this.#wakeRelay();
    if (this.#outboxWakePending || this.#stopped) return;
    this.#outboxWakePending = true;
    setImmediate(() => {
      this.#outboxWakePending = false;
      this.options.main.notify(OUTBOX_CHANNEL, '').catch((error: unknown) => this.options.log.warn({ err: error }, 'could not wake the outbox relay; it finds the events at its next poll'));
    });
  }
}

import type { JobRecord } from '../../kernel/jobs/jobs.repository.js';

/** A job's last error in a list: enough to tell failures apart, not a stack trace per row. */
const LIST_ERROR_LENGTH = 500;

/**
 * Words that, in a payload's key (`password`, `refreshToken`, `api_key`, `secretHash`), mark its
 * value as a secret. Payloads are written by modules for their handlers, not for people: an event
 * or a job may carry a reset token or a credential, and the console shows payloads to every
 * platform operator, whence they reach screenshots and tickets. So such values never leave the
 * server; a false positive (`singletonKey`) costs only a masked value.
 */
const SECRET_WORDS = new Set(['password', 'passwd', 'passphrase', 'secret', 'token', 'key', 'apikey', 'credential', 'authorization', 'cookie']);

const isSecretKey = (key: string) =>
  key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .some((word) => SECRET_WORDS.has(word) || (word.endsWith('s') && SECRET_WORDS.has(word.slice(0, -1))));

export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, isSecretKey(k) ? '[redacted]' : redactSecrets(v)]));
}

/**
 * The last failure pg-boss kept in `output`: the serialised Error (`message`, `stack`), or
 * `{value: {message}}` for a run past its lease. A completed job's output is its result instead.
 */
function lastError(job: JobRecord, full: boolean): string | null {
  if (job.state === 'completed' || job.output === null || typeof job.output !== 'object') return null;
  const output = job.output as { value?: unknown; message?: unknown; stack?: unknown };
  if (typeof output.value === 'string') return cut(output.value, full);
  const error = (typeof output.value === 'object' && output.value !== null ? output.value : output) as { message?: unknown; stack?: unknown };
  if (full && typeof error.stack === 'string') return error.stack;
  return typeof error.message === 'string' ? cut(error.message, full) : null;
}

const cut = (text: string, full: boolean) => (full || text.length <= LIST_ERROR_LENGTH ? text : `${text.slice(0, LIST_ERROR_LENGTH - 1)}…`);

/** A job as operators see it; `full` keeps the whole last error (one job) rather than its message cut short (a list). */
export function jobView(job: JobRecord, full = false) {
  const data = job.data as { tenantId?: unknown } | null;
  return {
    id: job.id,
    queue: job.queue,
    tenantId: typeof data?.tenantId === 'string' ? data.tenantId : null,
    state: job.state,
    // pg-boss counts re-runs: a job that has started has run once more than that.
    attempts: job.startedOn === null ? 0 : job.retryCount + 1,
    maxAttempts: job.retryLimit + 1,
    runAt: job.startAfter,
    createdAt: job.createdOn,
    startedAt: job.startedOn,
    completedAt: job.completedOn,
    lastError: lastError(job, full),
    payload: redactSecrets(job.data),
  };
}

/** pg-boss's job states, as the API filters by them. */
export const JOB_STATES = ['created', 'retry', 'active', 'completed', 'cancelled', 'failed'] as const;
export type JobState = (typeof JOB_STATES)[number];

export const DEAD_LETTER_QUEUE = 'courtyard.dead-letter';

/** The Jobs page's filters as they live in the URL: the queue, the state and the page's cursor. */
export interface JobsSearch {
  queue?: string;
  state?: JobState;
  cursor?: string;
}

/** Reads the filters from the URL; a state the API does not know (a hand-edited address) is dropped. */
export function jobsSearch(raw: Record<string, unknown>): JobsSearch {
  const text = (v: unknown) => (typeof v === 'string' && v.length > 0 ? v : undefined);
  const queue = text(raw.queue)?.slice(0, 200);
  const state = JOB_STATES.find((s) => s === raw.state);
  const cursor = text(raw.cursor);
  return { ...(queue ? { queue } : {}), ...(state ? { state } : {}), ...(cursor ? { cursor } : {}) };
}

export interface QueueState {
  queue: string;
  state: string;
  count: number;
  oldestSeconds: number | null;
}

/** The counts the filters keep: the chosen queue's and state's rows, or all of them. */
export function filterStats(rows: QueueState[], search: JobsSearch): QueueState[] {
  return rows.filter((r) => (!search.queue || r.queue === search.queue) && (!search.state || r.state === search.state));
}

/** What an operator may do to a job: retry a failed one; discard a failed one or a dead letter. */
export function jobActions(job: { queue: string; state: string }): { retry: boolean; discard: boolean } {
  const failed = job.state === 'failed';
  return { retry: failed, discard: failed || job.queue === DEAD_LETTER_QUEUE };
}

/** The Jobs page's filters as they live in the URL. */
export interface JobsSearch {
  /** Text found in the queue's name. */
  q?: string;
  /** `all` shows every state; absent, the failed and dead-lettered jobs only. */
  show?: 'all';
}

export const DEAD_LETTER_QUEUE = 'courtyard.dead-letter';

export function jobsSearch(raw: Record<string, unknown>): JobsSearch {
  const q = typeof raw.q === 'string' && raw.q.length > 0 ? raw.q.slice(0, 100) : undefined;
  return { ...(q ? { q } : {}), ...(raw.show === 'all' ? { show: 'all' as const } : {}) };
}

export interface QueueState {
  queue: string;
  state: string;
  count: number;
  oldestSeconds: number | null;
}

/** The rows the filters keep: failed jobs and the dead-letter queue (unless `show=all`), queues containing `q`. */
export function filterStats(rows: QueueState[], search: JobsSearch): QueueState[] {
  const q = search.q?.toLowerCase();
  return rows.filter((r) => (search.show === 'all' || r.state === 'failed' || r.queue === DEAD_LETTER_QUEUE) && (!q || r.queue.toLowerCase().includes(q)));
}

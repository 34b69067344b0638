import type { CourtyardClient } from '@courtyard/sdk';
import { unwrap } from '../../api/problem.js';

/** What `GET /objects/labels` says of one record: its label, and a lease's start. */
export interface RecordLabel {
  id: string;
  label: string;
  startDate?: string;
}

const MAX = 100;

interface Waiting {
  resolve: (label: RecordLabel | null) => void;
  reject: (error: unknown) => void;
}

/** The ids asked for in this turn of the event loop, by client and target. */
const queues = new WeakMap<CourtyardClient, Map<string, Map<string, Waiting[]>>>();

async function fetchLabels(api: CourtyardClient, target: string, batch: Map<string, Waiting[]>): Promise<void> {
  const ids = [...batch.keys()];
  for (let i = 0; i < ids.length; i += MAX) {
    const chunk = ids.slice(i, i + MAX);
    try {
      const found = new Map(unwrap(await api.GET('/api/v1/objects/labels', { params: { query: { target, ids: chunk.join(',') } } })).data.map((l) => [l.id, l]));
      for (const id of chunk) for (const w of batch.get(id)!) w.resolve(found.get(id) ?? null);
    } catch (error) {
      for (const id of chunk) for (const w of batch.get(id)!) w.reject(error);
    }
  }
}

/**
 * The label of one related record, asked together with every other label asked for in the
 * same turn (a page of records mounts its links at once): one request per target and up to
 * 100 ids, rather than one per link. Null when the record does not exist.
 */
export function batchedLabel(api: CourtyardClient, target: string, id: string): Promise<RecordLabel | null> {
  let byTarget = queues.get(api);
  if (!byTarget) queues.set(api, (byTarget = new Map()));
  let batch = byTarget.get(target);
  if (!batch) {
    const fresh = new Map<string, Waiting[]>();
    byTarget.set(target, (batch = fresh));
    setTimeout(() => {
      byTarget.delete(target);
      void fetchLabels(api, target, fresh);
    }, 0);
  }
  const waiting = batch.get(id) ?? [];
  batch.set(id, waiting);
  return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
}

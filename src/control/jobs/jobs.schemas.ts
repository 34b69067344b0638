import { Type } from 'typebox';
import { Timestamp, Uuid } from '../../kernel/http/schemas.js';
import { JOB_STATES } from '../../kernel/jobs/jobs.repository.js';

const NullableTime = Type.Union([Timestamp, Type.Null()]);
const State = Type.String({ enum: [...JOB_STATES], description: '`created` waits for its run, `retry` waits for another after a failure, `active` runs; then `completed`, `cancelled` or `failed` (every attempt failed)' });

export const QueueCount = Type.Object({ queue: Type.String(), state: Type.String(), count: Type.Integer(), oldestSeconds: Type.Union([Type.Integer(), Type.Null()]) });

export const Job = Type.Object({
  id: Uuid,
  queue: Type.String({ description: 'The job’s kind: a module’s job (`webhooks.deliver`), `event.<subscriber>`, or `courtyard.dead-letter`' }),
  tenantId: Type.Union([Type.String(), Type.Null()], { description: 'The tenant the job works for, as its payload names it; null for platform work' }),
  state: State,
  attempts: Type.Integer({ minimum: 0, description: 'Runs started so far' }),
  maxAttempts: Type.Integer({ minimum: 1 }),
  runAt: { ...Timestamp, description: 'When the job may run (next, for one waiting to retry)' },
  createdAt: Timestamp,
  startedAt: { ...NullableTime, description: 'When its last run started' },
  completedAt: { ...NullableTime, description: 'When it ended (completed, cancelled or failed)' },
  lastError: Type.Union([Type.String(), Type.Null()], { description: 'The last failure’s message (in the list, cut to 500 characters; one job: the whole error with its stack)' }),
  payload: Type.Unknown({ description: 'The job’s data; values under keys that name a secret (password, secret, token, key) read `[redacted]`' }),
});

export const JobsQuery = Type.Object(
  {
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    cursor: Type.Optional(Type.String({ maxLength: 2048 })),
    queue: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Jobs of this queue only' })),
    state: Type.Optional(State),
    tenant: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'Jobs for this tenant (id or slug)' })),
  },
  { additionalProperties: false },
);

import type { FastifyBaseLogger } from 'fastify';
import type { Logger } from 'pino';

/** Whether `log` writes at `level` (Fastify types its logger without pino's isLevelEnabled). */
export const logsAt = (log: FastifyBaseLogger, level: string): boolean => (log as unknown as Logger).isLevelEnabled?.(level) ?? true;

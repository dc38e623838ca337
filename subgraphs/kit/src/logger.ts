import pino, { type Logger } from 'pino';

/** One structured logger per process; children carry the service name and request id. */
export function createLogger(service: string, level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ name: service, level, base: { service, pid: process.pid } });
}
export type { Logger };

/**
 * Audit records (who read what personal data) are kept whatever LOG_LEVEL says: a child logger
 * at level info, marked `audit: true` so that they can be routed to their own store.
 */
export const auditLog = (log: Logger): Logger => log.child({ audit: true }, { level: log.level === 'silent' ? 'silent' : 'info' });

import pino, { type Logger } from 'pino';

/** One structured logger per process; children carry the service name and request id. */
export function createLogger(service: string, level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ name: service, level, base: { service, pid: process.pid } });
}
export type { Logger };

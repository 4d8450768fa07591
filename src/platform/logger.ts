import pino, { type Logger } from 'pino';
import type { Config } from './config.js';

export type { Logger };

/** One pino logger per process; Fastify uses it too, so request logs carry the request id. */
export function createLogger(config: Pick<Config, 'logLevel'>, name = 'motcua'): Logger {
  return pino({
    name,
    level: config.logLevel,
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', 'password', '*.password'],
      censor: '[redacted]',
    },
  });
}

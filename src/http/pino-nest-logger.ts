import type { LoggerService } from '@nestjs/common';
import type { Logger } from 'pino';

const STARTUP_CHATTER = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory']);

// Routes Nest's own log calls into the same pino instance as Fastify's request logs: one JSON stream.
export class PinoNestLogger implements LoggerService {
  constructor(private readonly pino: Logger) {}

  log(message: unknown, context?: string) {
    // Nest lists every module and route at start-up; useful when debugging, noise otherwise.
    if (context && STARTUP_CHATTER.has(context)) this.pino.debug({ context }, String(message));
    else this.pino.info({ context }, String(message));
  }
  error(message: unknown, stack?: string, context?: string) {
    this.pino.error({ context, stack }, String(message));
  }
  warn(message: unknown, context?: string) {
    this.pino.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string) {
    this.pino.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string) {
    this.pino.trace({ context }, String(message));
  }
}

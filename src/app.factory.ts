import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import { ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { LogController } from 'fastify';
import pino, { type DestinationStream } from 'pino';
import { AppModule } from './app.module';
import { AllExceptionsFilter } from './common/filters/all-exceptions.filter';
import { BodyDepthPipe } from './common/validation/json-depth.pipe';
import { validationExceptionFactory } from './common/validation/validation-exception.factory';
import { AppConfig } from './config/app-config';
import { migrateDatabase } from './database/migrate';
import { ERROR_STATUSES } from './error-statuses';
import { PinoNestLogger } from './http/pino-nest-logger';
import { logEachRequest } from './http/request-log';
import { answerRouterError } from './http/router-errors';
import { addResponseHeaders } from './http/response-headers';
import { requestIdOf } from './http/request-id';
import { mountOpenApi } from './openapi/openapi';

export interface CreateAppOptions {
  /** Where log lines go (default: stdout). Tests pass a stream to read what would be logged. */
  logStream?: DestinationStream;
}

/** Builds the whole HTTP application (used by main.ts and by the tests). Does not listen. */
export async function createApp(config: AppConfig, options: CreateAppOptions = {}): Promise<NestFastifyApplication> {
  if (config.migrationsRun) await migrateDatabase(config.database.url);
  const logger = pino(
    {
      level: config.logLevel,
      // Secrets never reach the logs, whatever a handler logs.
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.cookie',
          // Plugins log their options (e.g. @fastify/multipart's busboy headers at trace level).
          '*.headers.authorization',
          '*.headers.cookie',
          '*.password',
          '*.newPassword',
          '*.currentPassword',
          '*.token',
          '*.accessToken',
          '*.pin',
          '*.credentials',
          '*.apiKey',
          '*.secret',
        ],
        censor: '[redacted]',
      },
    },
    options.logStream ?? pino.destination(1),
  );
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    genReqId: requestIdOf,
    trustProxy: config.trustProxy,
    bodyLimit: 2 * 1024 * 1024,
    // Fastify's own two lines per request include the client address; ours is one line without it.
    logController: new LogController({ disableRequestLogging: true }),
    frameworkErrors: answerRouterError,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger: new PinoNestLogger(logger),
  });
  const fastify = app.getHttpAdapter().getInstance();
  const https = config.publicBaseUrl.startsWith('https://');
  addResponseHeaders(fastify);
  logEachRequest(fastify);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Strict for everything; /docs gets its own policy (src/http/response-headers.ts).
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'https:'],
        // Only an HTTPS deployment may tell browsers to upgrade; on http://<LAN IP> it would break pages.
        upgradeInsecureRequests: https ? [] : null,
      },
    },
    hsts: https,
    crossOriginResourcePolicy: { policy: 'cross-origin' },
  });
  await app.register(multipart, { limits: { fileSize: config.uploadMaxBytes, files: 1, fields: 20 } });
  if (config.corsOrigins !== false) {
    app.enableCors({
      origin: config.corsOrigins,
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
      credentials: false,
      exposedHeaders: ['x-request-id', 'retry-after'],
    });
  }
  app.useGlobalPipes(
    // First: class-transformer in the ValidationPipe recurses, and a body nested thousands deep would
    // overflow the stack (a 500) instead of getting a 400.
    new BodyDepthPipe(),
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: validationExceptionFactory,
    }),
  );
  app.useGlobalFilters(new AllExceptionsFilter(ERROR_STATUSES));
  mountOpenApi(app);
  await app.init();
  await fastify.ready();
  return app;
}

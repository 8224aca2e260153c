import { Controller, Get, Headers, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { Public } from '../auth/decorators';
import { CommonErrorCode } from '../common/errors/common-error-code';
import { DomainException } from '../common/errors/domain.exception';
import { AppConfig } from '../config/app-config';
import { Metrics } from './metrics';

@ApiTags('health')
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: Metrics,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Số liệu Prometheus / Prometheus metrics (Bearer METRICS_TOKEN when set)' })
  @ApiProduces('text/plain')
  async scrape(@Headers('authorization') authorization: string | undefined, @Res() reply: FastifyReply): Promise<void> {
    this.authorize(authorization);
    const { contentType, body } = await this.metrics.render();
    await reply.header('content-type', contentType).header('cache-control', 'no-store').send(body);
  }

  // Not a user login: Prometheus scrapes with one static token (its `authorization` setting).
  private authorize(authorization: string | undefined): void {
    const expected = this.config.metricsToken;
    if (!expected) return;
    const given = Buffer.from(/^Bearer\s+(.+)$/i.exec(authorization ?? '')?.[1] ?? '');
    const wanted = Buffer.from(expected);
    if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) {
      throw new DomainException(CommonErrorCode.UNAUTHENTICATED, {
        vi: 'Cần mã METRICS_TOKEN để đọc số liệu',
        en: 'A valid METRICS_TOKEN bearer token is required to read metrics',
      });
    }
  }
}

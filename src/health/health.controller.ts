import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Public } from '../auth/decorators';
import { CommonErrorCode } from '../common/errors/common-error-code';
import { DomainException } from '../common/errors/domain.exception';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Get('live')
  @ApiOperation({ summary: 'Tiến trình còn chạy / the process is up' })
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({ summary: 'Sẵn sàng phục vụ (kết nối được cơ sở dữ liệu) / ready: the database answers' })
  async ready() {
    try {
      await withTimeout(this.db.query('SELECT 1'), 2000);
      return { status: 'ok', database: 'up' };
    } catch {
      throw new DomainException(CommonErrorCode.SERVICE_UNAVAILABLE, {
        vi: 'Chưa sẵn sàng: không kết nối được cơ sở dữ liệu',
        en: 'Not ready: the database does not answer',
      });
    }
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref())]);
}

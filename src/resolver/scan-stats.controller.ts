import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/decorators';
import { ScanStatsQuery } from './dto/scan-stats.query';
import { ScanStatsService } from './scan-stats.service';

@ApiTags('stamps')
@ApiBearerAuth()
@Controller('scan-stats')
export class ScanStatsController {
  constructor(private readonly stats: ScanStatsService) {}

  @Get()
  @ApiOperation({ summary: 'Thống kê lượt quét: theo ngày, lô, tỉnh, và tem đáng ngờ / scan statistics and suspicious stamps' })
  get(@CurrentUser() actor: AuthUser, @Query() query: ScanStatsQuery) {
    return this.stats.stats(actor, query);
  }
}

import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/decorators';
import { PageQueryDto } from '../common/pagination/page-query.dto';
import { SlugParam, UuidParam } from '../common/validation/params';
import { AuditService } from './audit.service';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get(':entityType/:entityId')
  @ApiOperation({ summary: 'Lịch sử thay đổi của một đối tượng / change history of one entity (e.g. planting_area)' })
  list(
    @CurrentUser() actor: AuthUser,
    @SlugParam('entityType') entityType: string,
    @UuidParam('entityId') entityId: string,
    @Query() page: PageQueryDto,
  ) {
    return this.audit.listForEntity(actor, entityType, entityId, page);
  }
}

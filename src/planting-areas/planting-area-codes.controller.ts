import { Body, Controller, Get, HttpCode, Post, Query, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/decorators';
import { UuidParam } from '../common/validation/params';
import { ChangeCodeStatusDto } from './dto/change-code-status.dto';
import { CreatePlantingAreaCodeDto } from './dto/create-planting-area-code.dto';
import { PageQueryDto } from '../common/pagination/page-query.dto';
import { LocaliseWarningsInterceptor } from './localise-warnings.interceptor';
import { PlantingAreaCodesService } from './planting-area-codes.service';

@ApiTags('planting-areas')
@ApiBearerAuth()
@UseInterceptors(LocaliseWarningsInterceptor)
@Controller('planting-areas/:id/codes')
export class PlantingAreaCodesController {
  constructor(private readonly codes: PlantingAreaCodesService) {}

  @Post()
  @ApiOperation({ summary: 'Khai báo mã số vùng trồng (chờ cán bộ xác minh) / declare a planting-area code (pending)' })
  add(@CurrentUser() actor: AuthUser, @UuidParam('id') id: string, @Body() dto: CreatePlantingAreaCodeDto) {
    return this.codes.add(actor, id, dto);
  }

  @Get()
  @ApiOperation({ summary: 'Các mã của vùng trồng, kèm lịch sử trạng thái / codes of an area with their status timeline' })
  list(@CurrentUser() actor: AuthUser, @UuidParam('id') id: string, @Query() page: PageQueryDto) {
    return this.codes.list(actor, id, page);
  }

  @Post(':codeId/status')
  @HttpCode(200)
  @ApiOperation({ summary: 'Đổi trạng thái mã (quản trị viên, cán bộ khuyến nông) / change a code status (admin, officer)' })
  changeStatus(@CurrentUser() actor: AuthUser, @UuidParam('id') id: string, @UuidParam('codeId') codeId: string, @Body() dto: ChangeCodeStatusDto) {
    return this.codes.changeStatus(actor, id, codeId, dto);
  }
}

import { Body, Controller, Get, Patch, Post, Query, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/decorators';
import { UuidParam } from '../common/validation/params';
import { CreatePlantingAreaDto } from './dto/create-planting-area.dto';
import { ListPlantingAreasQuery } from './dto/list-planting-areas.query';
import { UpdatePlantingAreaDto } from './dto/update-planting-area.dto';
import { LocaliseWarningsInterceptor } from './localise-warnings.interceptor';
import { PlantingAreasService } from './planting-areas.service';

@ApiTags('planting-areas')
@ApiBearerAuth()
@UseInterceptors(LocaliseWarningsInterceptor)
@Controller()
export class PlantingAreasController {
  constructor(private readonly areas: PlantingAreasService) {}

  // ":id", not ":cooperativeId": Fastify's router keeps one parameter name per path position, and
  // /cooperatives/:id/… already names it (two names there break route listing and the OpenAPI check).
  @Post('cooperatives/:id/planting-areas')
  @ApiOperation({ summary: 'Khai báo vùng trồng của hợp tác xã (quản lý HTX, cán bộ, quản trị viên) / register a planting area' })
  create(@CurrentUser() actor: AuthUser, @UuidParam('id') cooperativeId: string, @Body() dto: CreatePlantingAreaDto) {
    return this.areas.create(actor, cooperativeId, dto);
  }

  @Get('planting-areas')
  @ApiOperation({ summary: 'Danh sách vùng trồng bạn được xem / planting areas you may see' })
  list(@CurrentUser() actor: AuthUser, @Query() query: ListPlantingAreasQuery) {
    return this.areas.list(actor, query);
  }

  @Get('planting-areas/:id')
  @ApiOperation({ summary: 'Chi tiết vùng trồng, kèm cảnh báo / one planting area, with warnings' })
  get(@CurrentUser() actor: AuthUser, @UuidParam('id') id: string) {
    return this.areas.get(actor, id);
  }

  @Patch('planting-areas/:id')
  @ApiOperation({ summary: 'Sửa vùng trồng (ranh giới null để xóa) / update a planting area (boundary null removes it)' })
  update(@CurrentUser() actor: AuthUser, @UuidParam('id') id: string, @Body() dto: UpdatePlantingAreaDto) {
    return this.areas.update(actor, id, dto);
  }
}

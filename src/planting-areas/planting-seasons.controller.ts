import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/decorators';
import { UuidParam } from '../common/validation/params';
import { CreatePlantingSeasonDto } from './dto/create-planting-season.dto';
import { PageQueryDto } from '../common/pagination/page-query.dto';
import { UpdatePlantingSeasonDto } from './dto/update-planting-season.dto';
import { PlantingSeasonsService } from './planting-seasons.service';

@ApiTags('planting-areas')
@ApiBearerAuth()
@Controller('planting-areas/:id/seasons')
export class PlantingSeasonsController {
  constructor(private readonly seasons: PlantingSeasonsService) {}

  @Post()
  @ApiOperation({ summary: 'Mở mùa vụ: sản lượng, thời gian thu hoạch, thị trường dự kiến / start a season' })
  create(@CurrentUser() actor: AuthUser, @UuidParam('id') id: string, @Body() dto: CreatePlantingSeasonDto) {
    return this.seasons.create(actor, id, dto);
  }

  @Get()
  @ApiOperation({ summary: 'Các mùa vụ của vùng trồng, mới nhất trước / seasons of an area, latest first' })
  list(@CurrentUser() actor: AuthUser, @UuidParam('id') id: string, @Query() page: PageQueryDto) {
    return this.seasons.list(actor, id, page);
  }

  @Patch(':seasonId')
  @ApiOperation({ summary: 'Sửa mùa vụ; ghi sản lượng thực tế để kết thúc vụ / update a season; the actual yield closes it' })
  update(@CurrentUser() actor: AuthUser, @UuidParam('id') id: string, @UuidParam('seasonId') seasonId: string, @Body() dto: UpdatePlantingSeasonDto) {
    return this.seasons.update(actor, id, seasonId, dto);
  }
}

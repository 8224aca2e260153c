import { Body, Controller, Get, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/decorators';
import { UuidParam } from '../common/validation/params';
import { CreateDiaryEntryDto } from './dto/create-diary-entry.dto';
import { UpdateDiaryEntryDto } from './dto/update-diary-entry.dto';
import { FarmingDiaryService } from './farming-diary.service';

@ApiTags('farming-diary')
@ApiBearerAuth()
@Controller()
export class FarmingDiaryController {
  constructor(private readonly diary: FarmingDiaryService) {}

  @Post('planting-areas/:id/seasons/:seasonId/diary')
  @ApiOperation({ summary: 'Ghi nhật ký canh tác / record a farming diary entry (corrections reference the old entry)' })
  create(@CurrentUser() actor: AuthUser, @UuidParam('id') areaId: string, @UuidParam('seasonId') seasonId: string, @Body() dto: CreateDiaryEntryDto) {
    return this.diary.create(actor, areaId, seasonId, dto);
  }

  @Get('planting-areas/:id/seasons/:seasonId/diary')
  @ApiOperation({ summary: 'Nhật ký của một mùa vụ / diary of a season, oldest first' })
  list(@CurrentUser() actor: AuthUser, @UuidParam('id') areaId: string, @UuidParam('seasonId') seasonId: string) {
    return this.diary.list(actor, areaId, seasonId);
  }

  @Patch('diary-entries/:id')
  @ApiOperation({ summary: 'Sửa mục nhật ký trong 24 giờ đầu / edit an entry within 24 hours of recording' })
  update(@CurrentUser() actor: AuthUser, @UuidParam('id') id: string, @Body() dto: UpdateDiaryEntryDto) {
    return this.diary.update(actor, id, dto);
  }
}

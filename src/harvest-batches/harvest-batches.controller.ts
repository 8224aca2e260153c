import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/decorators';
import { UuidParam } from '../common/validation/params';
import { BatchLifecycleService } from './batch-lifecycle.service';
import { CreateHarvestBatchDto } from './dto/create-harvest-batch.dto';
import { ListHarvestBatchesQuery } from './dto/list-harvest-batches.query';
import { CreatePhiOverrideDto } from './dto/phi-override.dto';
import { RecallBatchDto } from './dto/reason.dto';
import { UpdateHarvestBatchDto } from './dto/update-harvest-batch.dto';
import { HarvestBatchesService } from './harvest-batches.service';
import { CreateTraceEventDto } from './trace-events/dto/create-trace-event.dto';
import { TraceEventsService } from './trace-events/trace-events.service';

@ApiTags('harvest-batches')
@ApiBearerAuth()
@Controller('batches')
export class HarvestBatchesController {
  constructor(
    private readonly batches: HarvestBatchesService,
    private readonly lifecycle: BatchLifecycleService,
    private readonly traceEvents: TraceEventsService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Ghi lô thu hoạch (vùng trồng phải có mã hiệu lực vào ngày thu hoạch) / record a harvest batch' })
  create(@CurrentUser() actor: AuthUser, @Body() dto: CreateHarvestBatchDto) {
    return this.batches.create(actor, dto);
  }

  @Get()
  list(@CurrentUser() actor: AuthUser, @Query() query: ListHarvestBatchesQuery) {
    return this.batches.list(actor, query);
  }

  @Get(':id')
  get(@CurrentUser() actor: AuthUser, @UuidParam('id') id: string) {
    return this.batches.get(actor, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Sửa lô đang mở / edit an open batch (closed batches are sealed)' })
  update(@CurrentUser() actor: AuthUser, @UuidParam('id') id: string, @Body() dto: UpdateHarvestBatchDto) {
    return this.batches.update(actor, id, dto);
  }

  @Post(':id/close')
  @HttpCode(200)
  @ApiOperation({ summary: 'Niêm phong lô (kiểm tra thời gian cách ly) / close and seal a batch (checks pre-harvest intervals)' })
  close(@CurrentUser() actor: AuthUser, @UuidParam('id') id: string) {
    return this.lifecycle.close(actor, id);
  }

  @Post(':id/phi-overrides')
  @ApiOperation({ summary: 'Quản lý xác nhận ngoại lệ thời gian cách ly, kèm lý do / manager overrides a PHI with a reason' })
  override(@CurrentUser() actor: AuthUser, @UuidParam('id') id: string, @Body() dto: CreatePhiOverrideDto) {
    return this.lifecycle.addPhiOverride(actor, id, dto);
  }

  @Post(':id/recall')
  @HttpCode(200)
  @ApiOperation({ summary: 'Thu hồi lô / recall a batch, with the reason consumers will see' })
  recall(@CurrentUser() actor: AuthUser, @UuidParam('id') id: string, @Body() dto: RecallBatchDto) {
    return this.lifecycle.recall(actor, id, dto);
  }

  @Post(':id/trace-events')
  @ApiOperation({ summary: 'Ghi sự kiện truy xuất (đóng gói, xuất, nhận…) / record a trace event, one step back/forward' })
  async addTraceEvent(@CurrentUser() actor: AuthUser, @UuidParam('id') id: string, @Body() dto: CreateTraceEventDto) {
    return this.traceEvents.record(actor, await this.batches.getVisibleOrThrow(actor, id), dto);
  }

  @Get(':id/trace-events')
  @ApiOperation({ summary: 'Chuỗi sự kiện của lô / the batch’s trace events in time order' })
  async traceEventsOf(@CurrentUser() actor: AuthUser, @UuidParam('id') id: string) {
    return this.traceEvents.listFor((await this.batches.getVisibleOrThrow(actor, id)).id);
  }
}

import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/decorators';
import { UuidParam } from '../common/validation/params';
import { AppConfig } from '../config/app-config';
import { readSingleUpload } from '../media/upload';
import { BulkPublishService } from './bulk-publish.service';
import { BulkReportWriter } from './bulk-report.writer';
import { BulkPublishDto } from './dto/bulk-publish.dto';
import { BulkPublishAcceptedDto } from './dto/bulk-publish-response.dto';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('listings')
@ApiBearerAuth()
@Controller('bulk-publish')
export class BulkPublishController {
  constructor(
    private readonly bulk: BulkPublishService,
    private readonly report: BulkReportWriter,
    private readonly config: AppConfig,
  ) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({ summary: 'Đăng bán hàng loạt [{productId, marketplace, priceVnd, stock}]; xử lý nền, trả mã theo dõi / bulk publish, processed in the background' })
  @ApiAcceptedResponse({ type: BulkPublishAcceptedDto })
  create(@CurrentUser() actor: AuthUser, @Body() dto: BulkPublishDto) {
    return this.bulk.create(actor, dto.items);
  }

  @Post('upload')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Đăng bán hàng loạt từ tệp .xlsx/.csv, cột: “Sản phẩm (ID hoặc GTIN)”, “Sàn”, “Giá bán (VNĐ)”, “Tồn kho” / bulk publish from a sheet',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiAcceptedResponse({ type: BulkPublishAcceptedDto })
  async upload(@CurrentUser() actor: AuthUser, @Req() request: FastifyRequest) {
    return this.bulk.createFromUpload(actor, await readSingleUpload(request, this.config.uploadMaxBytes));
  }

  @Get(':id')
  @ApiOperation({ summary: 'Tiến độ: số lượng theo trạng thái và trạng thái, lỗi của từng dòng / progress per state and per item' })
  progress(@CurrentUser() actor: AuthUser, @UuidParam('id') id: string) {
    return this.bulk.progress(actor, id);
  }

  @Get(':id/report.xlsx')
  @ApiProduces(XLSX)
  @ApiOperation({ summary: 'Báo cáo kết quả Excel (tiêu đề tiếng Việt) / the result report as XLSX' })
  async reportXlsx(@CurrentUser() actor: AuthUser, @UuidParam('id') id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const file = await this.report.write(await this.bulk.progress(actor, id));
    void reply.header('content-type', XLSX).header('content-disposition', `attachment; filename="nguon-dang-ban-${id.slice(0, 8)}.xlsx"`);
    return file;
  }
}

import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { PassThrough } from 'node:stream';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/decorators';
import { invalidField } from '../common/errors/common.errors';
import { UuidParam } from '../common/validation/params';
import { IssueStampsDto } from './dto/issue-stamps.dto';
import { StampRangeDto, VoidStampsDto } from './dto/stamp-range.dto';
import { StampCsvWriter } from './rendering/stamp-csv.writer';
import { StampImageRenderer } from './rendering/stamp-image.renderer';
import { listLayouts } from './rendering/stamp-layouts';
import { StampPdfWriter } from './rendering/stamp-pdf.writer';
import { isSerialShape } from './serial';
import { StampsService } from './stamps.service';

@ApiTags('stamps')
@ApiBearerAuth()
@Controller()
export class StampsController {
  constructor(
    private readonly stamps: StampsService,
    private readonly pdf: StampPdfWriter,
    private readonly csv: StampCsvWriter,
    private readonly images: StampImageRenderer,
  ) {}

  @Post('batches/:id/stamps')
  @ApiOperation({ summary: 'Phát hành tem truy xuất cho lô đã niêm phong (1–100.000 tem) / issue stamps for a closed batch' })
  issue(@CurrentUser() actor: AuthUser, @UuidParam('id') batchId: string, @Body() dto: IssueStampsDto) {
    return this.stamps.issue(actor, batchId, dto);
  }

  @Get('batches/:id/stamps')
  @ApiOperation({ summary: 'Các đợt phát hành tem của lô / stamp issuances of a batch' })
  list(@CurrentUser() actor: AuthUser, @UuidParam('id') batchId: string) {
    return this.stamps.listForBatch(actor, batchId);
  }

  @Get('stamp-issuances/:id')
  get(@CurrentUser() actor: AuthUser, @UuidParam('id') id: string) {
    return this.stamps.get(actor, id);
  }

  @Post('stamp-issuances/:id/activate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Kích hoạt tem theo khoảng số thứ tự hoặc cả đợt / activate stamps by range or whole issuance' })
  activate(@CurrentUser() actor: AuthUser, @UuidParam('id') id: string, @Body() dto: StampRangeDto) {
    return this.stamps.activate(actor, id, dto);
  }

  @Post('stamp-issuances/:id/void')
  @HttpCode(200)
  @ApiOperation({ summary: 'Hủy tem (hỏng, mất, in lỗi) / void stamps by range, with a reason' })
  void(@CurrentUser() actor: AuthUser, @UuidParam('id') id: string, @Body() dto: VoidStampsDto) {
    return this.stamps.void(actor, id, dto);
  }

  @Post('stamp-issuances/:id/printed')
  @HttpCode(200)
  @ApiOperation({ summary: 'Xác nhận đã in: xóa vĩnh viễn mã PIN khỏi hệ thống / confirm printing; erases the PINs for good' })
  printed(@CurrentUser() actor: AuthUser, @UuidParam('id') id: string) {
    return this.stamps.markPrinted(actor, id);
  }

  @Get('stamp-issuances/:id/print.pdf')
  @ApiProduces('application/pdf')
  @ApiQuery({ name: 'layout', required: false, description: 'a4-65 (default), a4-40, a4-21, roll-single' })
  @ApiOperation({ summary: 'Tệp in PDF vector của đợt tem / vector PDF print file, streamed' })
  async printPdf(@CurrentUser() actor: AuthUser, @UuidParam('id') id: string, @Query('layout') layout: string | undefined, @Res() reply: FastifyReply) {
    const code = layout ?? 'a4-65';
    if (!listLayouts().some((l) => l.code === code)) {
      throw invalidField('layout', `Mẫu in không có: ${code}; chọn ${listLayouts().map((l) => l.code).join(', ')}`, `Unknown layout ${code}`);
    }
    const ctx = await this.stamps.printContext(actor, id);
    const out = new PassThrough();
    void this.pdf.write(code, this.stamps.labels(ctx), out).catch((error: Error) => out.destroy(error));
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="tem-${ctx.lotCode.replace(/[^\w.-]/g, '_')}-${code}.pdf"`)
      .header('cache-control', 'no-store')
      .send(out);
  }

  @Get('stamp-issuances/:id/stamps.csv')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'CSV số sê-ri, URL (và PIN) cho nhà in / serial, URL (and PIN) CSV for printing houses' })
  async stampsCsv(@CurrentUser() actor: AuthUser, @UuidParam('id') id: string, @Res() reply: FastifyReply) {
    const ctx = await this.stamps.printContext(actor, id);
    const out = new PassThrough();
    void this.csv.write(this.stamps.labels(ctx), out, { pin: ctx.issuance.withPin }).catch((error: Error) => out.destroy(error));
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="tem-${ctx.lotCode.replace(/[^\w.-]/g, '_')}.csv"`)
      .header('cache-control', 'no-store')
      .send(out);
  }

  @Get('stamps/:serial/image.:format')
  @ApiProduces('image/png', 'image/svg+xml')
  @ApiOperation({ summary: 'Ảnh một tem (PNG hoặc SVG) / one stamp as PNG or SVG' })
  async image(@CurrentUser() actor: AuthUser, @Param('serial') serial: string, @Param('format') format: string, @Res() reply: FastifyReply) {
    if (!isSerialShape(serial)) throw invalidField('serial', 'Số sê-ri tem không đúng dạng', 'Not a stamp serial');
    if (format !== 'png' && format !== 'svg') throw invalidField('format', 'Định dạng là png hoặc svg', 'format must be png or svg');
    const label = await this.stamps.label(actor, serial);
    const body = format === 'png' ? await this.images.png(label) : this.images.svg(label);
    return reply.header('content-type', format === 'png' ? 'image/png' : 'image/svg+xml').header('cache-control', 'private, max-age=3600').send(body);
  }
}

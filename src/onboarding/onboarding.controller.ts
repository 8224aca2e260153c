import { Controller, Get, HttpCode, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiQuery,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/decorators';
import { langFromRequest } from '../common/i18n/messages';
import { AppConfig } from '../config/app-config';
import { readSingleUpload } from '../media/upload';
import { OnboardingReportDto } from './dto/onboarding-report.dto';
import { TemplateQuery } from './dto/template.query';
import { UploadQuery } from './dto/upload.query';
import { ONBOARDING_KINDS } from './kinds/column-spec';
import { OnboardingRejectedFilter } from './onboarding-rejected.filter';
import { OnboardingService } from './onboarding.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CSV = 'text/csv; charset=utf-8';
const KIND_PARAM = { name: 'kind', enum: ONBOARDING_KINDS, description: 'cooperatives | planting-areas | products' };
const binary = (type: string) => ({ content: { [type]: { schema: { type: 'string', format: 'binary' } } } });

@ApiTags('onboarding')
@ApiBearerAuth()
@Controller('onboarding')
export class OnboardingController {
  constructor(
    private readonly onboarding: OnboardingService,
    private readonly config: AppConfig,
  ) {}

  @Get('templates/:kind.xlsx')
  @ApiOperation({ summary: 'Tải tệp mẫu Excel (tiêu đề tiếng Việt, hướng dẫn, danh mục tỉnh/xã) / download the XLSX template' })
  @ApiParam(KIND_PARAM)
  @ApiProduces(XLSX)
  @ApiOkResponse({ description: 'Tệp mẫu .xlsx / the XLSX template', ...binary(XLSX) })
  async xlsxTemplate(@Param('kind') kind: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const file = await this.onboarding.xlsxTemplate(kind);
    void reply.header('content-type', XLSX).header('content-disposition', `attachment; filename="nguon-${kind}.xlsx"`);
    return file;
  }

  @Get('templates/:kind.csv')
  @ApiOperation({ summary: 'Tải tệp mẫu CSV UTF-8 (có BOM) / download the UTF-8 CSV template (with BOM)' })
  @ApiParam(KIND_PARAM)
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'Dòng tiêu đề và dòng ví dụ / header and example rows', ...binary('text/csv') })
  csvTemplate(@Param('kind') kind: string, @Query() query: TemplateQuery, @Res({ passthrough: true }) reply: FastifyReply): Buffer {
    const file = this.onboarding.csvTemplate(kind, query.separator === 'semicolon' ? ';' : ',');
    void reply.header('content-type', CSV).header('content-disposition', `attachment; filename="nguon-${kind}.csv"`);
    return file;
  }

  @Post(':kind')
  @HttpCode(200)
  @UseFilters(OnboardingRejectedFilter)
  @ApiOperation({
    summary:
      'Nhập hàng loạt từ tệp .xlsx hoặc .csv: dryRun=true chỉ kiểm tra; dryRun=false ghi tất cả hoặc không ghi gì / ' +
      'bulk upload: dryRun=true checks only, dryRun=false writes every row or none',
  })
  @ApiParam(KIND_PARAM)
  @ApiQuery({ name: 'dryRun', required: false, type: Boolean, description: 'Mặc định true / default true' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiProduces('application/json', XLSX)
  @ApiOkResponse({
    type: OnboardingReportDto,
    description:
      'Kết quả kiểm tra hoặc ghi. Với dryRun=true và Accept: ' + XLSX + ', trả về chính tệp đã tải lên, thêm cột “Lỗi” và tô các ô sai / ' +
      'the check or apply report; with dryRun=true and Accept: XLSX, the uploaded file itself with a “Lỗi” column and the bad cells highlighted',
  })
  @ApiUnprocessableEntityResponse({
    description:
      'dryRun=false và có dòng lỗi: không ghi gì; ErrorBody với details [{row, column, field, message}] và các số đếm của báo cáo / ' +
      'bad rows with dryRun=false: nothing written; ErrorBody whose details also carry row and column, plus the report counts',
  })
  async upload(
    @CurrentUser() actor: AuthUser,
    @Param('kind') kind: string,
    @Query() query: UploadQuery,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OnboardingReportDto | Buffer> {
    // Refuse a role that may never upload this kind before reading megabytes of file.
    this.onboarding.assertMayUpload(actor, kind);
    const file = await readSingleUpload(request, this.config.uploadMaxBytes);
    const lang = langFromRequest(request.query, request.headers['accept-language']);
    if (!query.dryRun || !request.headers.accept?.includes(XLSX)) return this.onboarding.upload(actor, kind, file, { dryRun: query.dryRun, lang });
    const annotated = await this.onboarding.annotate(actor, kind, file, lang);
    void reply
      .header('content-type', XLSX)
      .header('content-disposition', `attachment; filename="nguon-${kind}-kiem-tra.xlsx"`)
      .header('x-onboarding-total-rows', String(annotated.report.totalRows))
      .header('x-onboarding-error-rows', String(annotated.report.errorRows));
    return annotated.file;
  }
}

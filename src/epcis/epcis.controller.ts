import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/decorators';
import { UuidParam } from '../common/validation/params';
import { EpcisExportQuery } from './dto/epcis-export.query';
import { EpcisExportService } from './epcis-export.service';
import { epcisContentType, JSON_LD, JSON_PLAIN } from './epcis-http';
import type { EpcisDocument } from './epcis.types';

@ApiTags('epcis')
@ApiBearerAuth()
@Controller('batches')
export class EpcisController {
  constructor(private readonly epcis: EpcisExportService) {}

  @Get(':id/epcis')
  @ApiOperation({
    summary: 'Xuất lịch sử lô theo chuẩn GS1 EPCIS 2.0 (JSON-LD) / export the batch as a GS1 EPCIS 2.0 JSON-LD document',
    description:
      'Thu hoạch, đóng gói, kích hoạt tem, xuất/nhận hàng (một bước trước, một bước sau), thu hồi. ' +
      'Harvest, packing, stamp commissioning, shipping/receiving with source and destination, recall; times in +07:00. ' +
      'Validates against the official EPCIS 2.0 JSON Schema. `?download=1` answers with Content-Disposition: attachment.',
  })
  @ApiProduces(JSON_LD, JSON_PLAIN)
  @ApiOkResponse({ description: 'EPCISDocument (schemaVersion 2.0)', schema: { type: 'object', additionalProperties: true } })
  async export(
    @CurrentUser() actor: AuthUser,
    @UuidParam('id') id: string,
    @Query() query: EpcisExportQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<EpcisDocument> {
    const { document, fileName } = await this.epcis.export(actor, id);
    void reply.header('content-type', epcisContentType(accept)).header('vary', 'Accept');
    if (query.download) void reply.header('content-disposition', `attachment; filename="${fileName}"`);
    return document;
  }
}

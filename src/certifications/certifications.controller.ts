import { Body, Controller, Get, HttpCode, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/decorators';
import { UuidParam } from '../common/validation/params';
import { AppConfig } from '../config/app-config';
import { readSingleUpload } from '../media/upload';
import { CertificationsService } from './certifications.service';
import { CreateCertificationDto } from './dto/create-certification.dto';
import { ListCertificationsQuery } from './dto/list-certifications.query';
import { RevokeCertificationDto } from './dto/revoke-certification.dto';

@ApiTags('certifications')
@ApiBearerAuth()
@Controller('certifications')
export class CertificationsController {
  constructor(
    private readonly certifications: CertificationsService,
    private readonly config: AppConfig,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Ghi giấy chứng nhận (VietGAP, GlobalGAP, hữu cơ, HACCP…) của HTX, vùng trồng hoặc sản phẩm / record a certification' })
  create(@CurrentUser() actor: AuthUser, @Body() dto: CreateCertificationDto) {
    return this.certifications.create(actor, dto);
  }

  @Get()
  list(@CurrentUser() actor: AuthUser, @Query() query: ListCertificationsQuery) {
    return this.certifications.list(actor, query);
  }

  @Get(':id')
  get(@CurrentUser() actor: AuthUser, @UuidParam('id') id: string) {
    return this.certifications.get(actor, id);
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @ApiOperation({ summary: 'Thu hồi giấy chứng nhận / revoke a certification' })
  revoke(@CurrentUser() actor: AuthUser, @UuidParam('id') id: string, @Body() dto: RevokeCertificationDto) {
    return this.certifications.revoke(actor, id, dto);
  }

  @Put(':id/file')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOperation({ summary: 'Tải lên bản chụp giấy chứng nhận (PDF hoặc ảnh) / upload the scanned certificate' })
  async attach(@CurrentUser() actor: AuthUser, @UuidParam('id') id: string, @Req() request: FastifyRequest) {
    return this.certifications.attachFile(actor, id, await readSingleUpload(request, this.config.uploadMaxBytes));
  }

  @Get(':id/file')
  @ApiOperation({ summary: 'Tải bản chụp giấy chứng nhận / download the scanned certificate' })
  async file(@CurrentUser() actor: AuthUser, @UuidParam('id') id: string, @Res() reply: FastifyReply) {
    const file = await this.certifications.readFile(actor, id);
    void reply.header('content-type', file.type).header('cache-control', 'private, max-age=300').send(file.data);
  }
}

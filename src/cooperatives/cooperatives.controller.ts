import { Body, Controller, Get, Param, Patch, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Public } from '../auth/decorators';
import { invalidField, notFound } from '../common/errors/common.errors';
import { UuidParam } from '../common/validation/params';
import { AppConfig } from '../config/app-config';
import { readSingleUpload } from '../media/upload';
import { CooperativesService, LOGO_SIZES, LogoSize } from './cooperatives.service';
import { CreateCooperativeDto } from './dto/create-cooperative.dto';
import { ListCooperativesQuery } from './dto/list-cooperatives.query';
import { UpdateCooperativeDto } from './dto/update-cooperative.dto';

@ApiTags('cooperatives')
@ApiBearerAuth()
@Controller('cooperatives')
export class CooperativesController {
  constructor(
    private readonly cooperatives: CooperativesService,
    private readonly config: AppConfig,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Đăng ký hợp tác xã (quản trị viên, cán bộ khuyến nông) / register a cooperative' })
  create(@CurrentUser() actor: AuthUser, @Body() dto: CreateCooperativeDto) {
    return this.cooperatives.create(actor, dto);
  }

  @Get()
  @ApiOperation({ summary: 'Danh sách hợp tác xã bạn được xem / cooperatives you may see' })
  list(@CurrentUser() actor: AuthUser, @Query() query: ListCooperativesQuery) {
    return this.cooperatives.list(actor, query);
  }

  @Get(':id')
  get(@CurrentUser() actor: AuthUser, @UuidParam('id') id: string) {
    return this.cooperatives.get(actor, id);
  }

  @Patch(':id')
  update(@CurrentUser() actor: AuthUser, @UuidParam('id') id: string, @Body() dto: UpdateCooperativeDto) {
    return this.cooperatives.update(actor, id, dto);
  }

  @Put(':id/logo')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOperation({ summary: 'Tải lên logo (JPEG/PNG/WebP); lưu thành 64, 256, 512 px / upload the logo' })
  async setLogo(@CurrentUser() actor: AuthUser, @UuidParam('id') id: string, @Req() request: FastifyRequest) {
    await this.cooperatives.getManageableOrThrow(actor, id);
    const upload = await readSingleUpload(request, this.config.uploadMaxBytes);
    return this.cooperatives.setLogo(actor, id, upload);
  }

  @Public()
  @Get(':id/logo/:size')
  @ApiOperation({ summary: 'Logo (công khai, dùng cho trang truy xuất) / public logo image' })
  async logo(@UuidParam('id') id: string, @Param('size') size: string, @Res() reply: FastifyReply) {
    if (!LOGO_SIZES.some((s) => s.name === size)) {
      throw invalidField('size', 'Kích thước phải là small, medium hoặc large', 'size must be small, medium or large');
    }
    const logo = await this.cooperatives.readLogo(id, size as LogoSize);
    if (!logo) throw notFound('logo', 'Logo');
    // The URL carries the version, so the bytes behind it never change.
    void reply
      .header('content-type', 'image/webp')
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('etag', `"${logo.version}-${size}"`)
      .send(logo.data);
  }
}

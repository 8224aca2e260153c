import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../auth/auth-user';
import { CurrentUser, Public, Roles } from '../../auth/decorators';
import { UuidParam } from '../../common/validation/params';
import { Role } from '../../users/role.enum';
import { CreateOcopCertificationDto } from './dto/create-ocop-certification.dto';
import { ExpiringCertificationsQuery } from './dto/expiring-certifications.query';
import { RevokeOcopCertificationDto } from './dto/revoke-ocop-certification.dto';
import { OcopCertificationsService } from './ocop-certifications.service';

@ApiTags('ocop')
@ApiBearerAuth()
@Controller()
export class OcopCertificationsController {
  constructor(private readonly certifications: OcopCertificationsService) {}

  @Post('products/:id/ocop-certifications')
  @ApiOperation({ summary: 'Ghi kết quả đánh giá, phân hạng OCOP của sản phẩm (hiệu lực 36 tháng) / record an OCOP rating' })
  create(@CurrentUser() actor: AuthUser, @UuidParam('id') productId: string, @Body() dto: CreateOcopCertificationDto) {
    return this.certifications.create(actor, productId, dto);
  }

  @Get('products/:id/ocop-certifications')
  @ApiOperation({ summary: 'Lịch sử đánh giá OCOP của sản phẩm / OCOP ratings of a product' })
  listForProduct(@CurrentUser() actor: AuthUser, @UuidParam('id') productId: string) {
    return this.certifications.listForProduct(actor, productId);
  }

  @Get('ocop-certifications/expiring')
  @Roles(Role.Admin, Role.Officer)
  @ApiOperation({ summary: 'Chứng nhận OCOP sắp hết hạn trong các tỉnh bạn phụ trách / OCOP certificates expiring soon' })
  listExpiring(@CurrentUser() actor: AuthUser, @Query() query: ExpiringCertificationsQuery) {
    return this.certifications.listExpiring(actor, query);
  }

  @Post('ocop-certifications/:id/revoke')
  @HttpCode(200)
  @ApiOperation({ summary: 'Thu hồi chứng nhận OCOP (quản trị viên, cán bộ) / revoke an OCOP certification' })
  revoke(@CurrentUser() actor: AuthUser, @UuidParam('id') id: string, @Body() dto: RevokeOcopCertificationDto) {
    return this.certifications.revoke(actor, id, dto);
  }

  @Public()
  @Get('ocop/reference-groups')
  @ApiOperation({ summary: 'Nhóm, phân nhóm sản phẩm OCOP theo Quyết định 148/QĐ-TTg (công khai) / OCOP product groups' })
  referenceGroups() {
    return this.certifications.referenceGroups();
  }
}

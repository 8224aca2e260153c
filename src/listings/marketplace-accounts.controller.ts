import { Body, Controller, Get, Patch, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/decorators';
import { UuidParam } from '../common/validation/params';
import { CreateMarketplaceAccountDto } from './dto/create-marketplace-account.dto';
import { UpdateMarketplaceAccountDto } from './dto/update-marketplace-account.dto';
import { ListingsService } from './listings.service';
import { MarketplaceAccountsService } from './marketplace-accounts.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('marketplace accounts')
@ApiBearerAuth()
@Controller()
export class MarketplaceAccountsController {
  constructor(
    private readonly accounts: MarketplaceAccountsService,
    private readonly listings: ListingsService,
  ) {}

  @Post('cooperatives/:id/marketplace-accounts')
  @ApiOperation({ summary: 'Thêm tài khoản sàn (Postmart, Voso) cho HTX; mật khẩu được mã hóa, không bao giờ trả lại / add a marketplace account' })
  create(@CurrentUser() actor: AuthUser, @UuidParam('id') cooperativeId: string, @Body() dto: CreateMarketplaceAccountDto) {
    return this.accounts.create(actor, cooperativeId, dto);
  }

  @Get('cooperatives/:id/marketplace-accounts')
  @ApiOperation({ summary: 'Các tài khoản sàn của HTX / marketplace accounts of a cooperative' })
  list(@CurrentUser() actor: AuthUser, @UuidParam('id') cooperativeId: string) {
    return this.accounts.list(actor, cooperativeId);
  }

  @Get('marketplace-accounts/:id')
  get(@CurrentUser() actor: AuthUser, @UuidParam('id') id: string) {
    return this.accounts.get(actor, id);
  }

  @Patch('marketplace-accounts/:id')
  @ApiOperation({ summary: 'Sửa tài khoản sàn; nhập lại mật khẩu đưa tài khoản về hoạt động và chạy tiếp các việc đang tạm dừng / update; new credentials resume paused jobs' })
  update(@CurrentUser() actor: AuthUser, @UuidParam('id') id: string, @Body() dto: UpdateMarketplaceAccountDto) {
    return this.accounts.update(actor, id, dto);
  }

  @Get('marketplace-accounts/:id/assisted-export.xlsx')
  @ApiProduces(XLSX)
  @ApiOperation({ summary: 'Tệp để cán bộ tải lên trang người bán (tài khoản thủ công) / the upload sheet for assisted accounts' })
  async assistedExport(@CurrentUser() actor: AuthUser, @UuidParam('id') id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const { file, account } = await this.listings.assistedExport(actor, id);
    void reply.header('content-type', XLSX).header('content-disposition', `attachment; filename="nguon-${account.marketplace}-dang-thu-cong.xlsx"`);
    return file;
  }
}

import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/decorators';
import { UuidParam } from '../common/validation/params';
import { ListListingsQuery } from './dto/list-listings.query';
import { ManualAckDto } from './dto/manual-ack.dto';
import { PublishListingDto } from './dto/publish-listing.dto';
import { UnlistListingDto } from './dto/unlist-listing.dto';
import { UpdateListingOfferDto } from './dto/update-listing-offer.dto';
import { ListingsService } from './listings.service';

@ApiTags('listings')
@ApiBearerAuth()
@Controller('listings')
export class ListingsController {
  constructor(private readonly listings: ListingsService) {}

  @Post()
  @ApiOperation({ summary: 'Đăng bán một sản phẩm lên một sàn: kiểm tra đủ thông tin (422 liệt kê mọi trường thiếu) rồi đưa vào hàng đợi / publish one product' })
  publish(@CurrentUser() actor: AuthUser, @Body() dto: PublishListingDto) {
    return this.listings.publish(actor, dto);
  }

  @Get()
  list(@CurrentUser() actor: AuthUser, @Query() query: ListListingsQuery) {
    return this.listings.list(actor, query);
  }

  @Get(':id')
  get(@CurrentUser() actor: AuthUser, @UuidParam('id') id: string) {
    return this.listings.get(actor, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Đổi giá/tồn kho; đồng bộ nền, nhiều lần đổi liên tiếp gộp thành một (giá trị cuối) / change price or stock, coalesced' })
  updateOffer(@CurrentUser() actor: AuthUser, @UuidParam('id') id: string, @Body() dto: UpdateListingOfferDto) {
    return this.listings.updateOffer(actor, id, dto);
  }

  @Post(':id/unlist')
  @HttpCode(200)
  @ApiOperation({ summary: 'Gỡ tin đăng khỏi sàn, kèm lý do / take a listing down, with a reason' })
  unlist(@CurrentUser() actor: AuthUser, @UuidParam('id') id: string, @Body() dto: UnlistListingDto) {
    return this.listings.unlist(actor, id, dto);
  }

  @Post(':id/retry')
  @HttpCode(200)
  @ApiOperation({ summary: 'Gửi lại tin đăng lỗi, bị từ chối hoặc đã gỡ (cùng mã SKU) / retry a failed, rejected or unlisted listing' })
  retry(@CurrentUser() actor: AuthUser, @UuidParam('id') id: string) {
    return this.listings.retry(actor, id);
  }

  @Post(':id/manual-ack')
  @HttpCode(200)
  @ApiOperation({ summary: 'Tài khoản thủ công: ghi nhận đường dẫn/mã tin đăng và trạng thái trên sàn / assisted: record the listing URL or id and status' })
  manualAck(@CurrentUser() actor: AuthUser, @UuidParam('id') id: string, @Body() dto: ManualAckDto) {
    return this.listings.manualAck(actor, id, dto);
  }
}

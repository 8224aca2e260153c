import { Body, Controller, Delete, Get, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Public } from '../auth/decorators';
import { invalidField, notFound } from '../common/errors/common.errors';
import { UuidParam } from '../common/validation/params';
import { AppConfig } from '../config/app-config';
import { readSingleUpload } from '../media/upload';
import { CreateProductDto } from './dto/create-product.dto';
import { ListProductsQuery } from './dto/list-products.query';
import type { ProductImageSize } from './dto/product-response.dto';
import { UpdateProductDto } from './dto/update-product.dto';
import { ProductImagesService } from './product-images.service';
import { PRODUCT_IMAGE_SIZES } from './product-images.constants';
import { ProductsService } from './products.service';

@ApiTags('products')
@ApiBearerAuth()
@Controller()
export class ProductsController {
  constructor(
    private readonly products: ProductsService,
    private readonly images: ProductImagesService,
    private readonly config: AppConfig,
  ) {}

  // ":id" like the other /cooperatives/:id routes: Fastify keeps one parameter name per path position, and a
  // second name there ("/:id|:cooperativeId") breaks route introspection (test/utils/routes.ts).
  @Post('cooperatives/:id/products')
  @ApiOperation({ summary: 'Thêm sản phẩm của hợp tác xã / add a product of a cooperative' })
  create(@CurrentUser() actor: AuthUser, @UuidParam('id') cooperativeId: string, @Body() dto: CreateProductDto) {
    return this.products.create(actor, cooperativeId, dto);
  }

  @Get('products')
  @ApiOperation({ summary: 'Danh sách sản phẩm bạn được xem (lọc theo HTX, tên, GTIN) / products you may see' })
  list(@CurrentUser() actor: AuthUser, @Query() query: ListProductsQuery) {
    return this.products.list(actor, query);
  }

  @Get('products/:id')
  @ApiOperation({ summary: 'Chi tiết sản phẩm / one product' })
  get(@CurrentUser() actor: AuthUser, @UuidParam('id') id: string) {
    return this.products.get(actor, id);
  }

  @Patch('products/:id')
  @ApiOperation({ summary: 'Sửa sản phẩm; null xóa trường không bắt buộc / update a product; null clears an optional field' })
  update(@CurrentUser() actor: AuthUser, @UuidParam('id') id: string, @Body() dto: UpdateProductDto) {
    return this.products.update(actor, id, dto);
  }

  @Post('products/:id/images')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOperation({ summary: 'Tải ảnh sản phẩm (JPEG/PNG/WebP); lưu WebP 160, 640, 1280 px, bỏ EXIF / upload a product photo' })
  async addImage(@CurrentUser() actor: AuthUser, @UuidParam('id') id: string, @Req() request: FastifyRequest) {
    // Checked before reading the body, so a refused caller does not get to upload megabytes first.
    await this.products.getManageableOrThrow(actor, id);
    const upload = await readSingleUpload(request, this.config.uploadMaxBytes);
    return this.images.add(actor, id, upload);
  }

  @Delete('products/:id/images/:imageId')
  @ApiOperation({ summary: 'Xóa một ảnh sản phẩm / delete a product photo' })
  removeImage(@CurrentUser() actor: AuthUser, @UuidParam('id') id: string, @UuidParam('imageId') imageId: string) {
    return this.images.remove(actor, id, imageId);
  }

  @Public()
  @Get('products/:id/images/:imageId/:size')
  @ApiOperation({ summary: 'Ảnh sản phẩm (công khai, dùng cho trang truy xuất và sàn) / public product photo' })
  async image(@UuidParam('id') id: string, @UuidParam('imageId') imageId: string, @Param('size') size: string, @Res() reply: FastifyReply) {
    if (!PRODUCT_IMAGE_SIZES.some((s) => s.name === size)) {
      throw invalidField('size', 'Kích thước phải là small, medium hoặc large', 'size must be small, medium or large');
    }
    const image = await this.images.read(id, imageId, size as ProductImageSize);
    if (!image) throw notFound('ảnh sản phẩm', 'Product image');
    // An image id never gets other bytes (a new photo is a new id), so caches may keep it forever.
    void reply
      .header('content-type', 'image/webp')
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('etag', `"${image.version}-${size}"`)
      .send(image.data);
  }
}

import { Injectable } from '@nestjs/common';
import { isDatabaseUnavailable } from '../database/database-errors';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { notFound } from '../common/errors/common.errors';
import { DomainException } from '../common/errors/domain.exception';
import { ImageProcessor } from '../media/image-processor';
import { FileStorage } from '../storage/file-storage';
import { StoragePaths } from '../storage/storage-paths';
import type { ProductImageSize, ProductResponseDto } from './dto/product-response.dto';
import { MAX_PRODUCT_IMAGES, PRODUCT_IMAGE_SIZES } from './product-images.constants';
import { ProductErrorCode } from './product-error-code';
import { ProductImage } from './product-image.entity';
import { Product } from './product.entity';
import { ProductsService } from './products.service';

@Injectable()
export class ProductImagesService {
  constructor(
    @InjectRepository(ProductImage) private readonly repo: Repository<ProductImage>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly products: ProductsService,
    private readonly images: ImageProcessor,
    private readonly storage: FileStorage,
    private readonly audit: AuditService,
  ) {}

  async add(actor: AuthUser, productId: string, upload: Buffer): Promise<ProductResponseDto> {
    const product = await this.products.getManageableOrThrow(actor, productId);
    // Refuse early when full, before spending CPU on decoding; checked again under the lock below.
    if ((await this.repo.countBy({ productId })) >= MAX_PRODUCT_IMAGES) throw tooManyImages();
    const processed = await this.images.processToWebp(upload, [...PRODUCT_IMAGE_SIZES]);
    const imageId = randomUUID();
    const version = randomBytes(6).toString('hex');
    // Files first, row second: nobody is ever given a URL whose file is missing. If the row is refused,
    // the files are removed again.
    for (const [size, variant] of processed.variants) {
      await this.storage.put(StoragePaths.productImage(productId, imageId, version, size), variant.data);
    }
    try {
      await this.dataSource.transaction(async (manager) => {
        const image = await this.insertRow(manager, { id: imageId, productId, version, width: processed.width, height: processed.height });
        await this.audit.record(manager, actor, {
          cooperativeId: product.cooperativeId,
          entityType: 'product',
          entityId: productId,
          action: 'image_added',
          after: imageFields(image),
        });
      });
    } catch (error) {
      // With the connection lost the COMMIT may still have happened: keep the files a row may point at.
      if (!isDatabaseUnavailable(error)) await this.removeFiles(productId, imageId, version);
      throw error;
    }
    return this.products.get(actor, productId);
  }

  async remove(actor: AuthUser, productId: string, imageId: string): Promise<ProductResponseDto> {
    const product = await this.products.getManageableOrThrow(actor, productId);
    const image = await this.repo.findOneBy({ id: imageId, productId });
    if (!image) throw notFound('ảnh sản phẩm', 'Product image');
    await this.dataSource.transaction(async (manager) => {
      await manager.delete(ProductImage, { id: imageId });
      await this.audit.record(manager, actor, {
        cooperativeId: product.cooperativeId,
        entityType: 'product',
        entityId: productId,
        action: 'image_removed',
        before: imageFields(image),
      });
    });
    // Only after the commit: had the transaction failed, the image would still need its files.
    await this.removeFiles(productId, imageId, image.version);
    return this.products.get(actor, productId);
  }

  /** Public: the bytes of one size of a product image, for origin pages and marketplaces. */
  async read(productId: string, imageId: string, size: ProductImageSize): Promise<{ data: Buffer; version: string } | null> {
    const image = await this.repo.findOne({ where: { id: imageId, productId }, select: { id: true, version: true } });
    if (!image) return null;
    const data = await this.storage.get(StoragePaths.productImage(productId, imageId, image.version, size));
    return data ? { data, version: image.version } : null;
  }

  private async insertRow(manager: EntityManager, row: Omit<ProductImage, 'position' | 'createdAt'>): Promise<ProductImage> {
    // Locking the product row serialises uploads to one product: distinct positions, and the limit holds.
    await manager.createQueryBuilder(Product, 'p').setLock('pessimistic_write').where('p.id = :id', { id: row.productId }).getOne();
    const stats = await manager
      .createQueryBuilder(ProductImage, 'i')
      .select('count(*)::int', 'count')
      .addSelect('coalesce(max(i.position), 0)::int', 'last')
      .where('i.product_id = :productId', { productId: row.productId })
      .getRawOne<{ count: number; last: number }>();
    if ((stats?.count ?? 0) >= MAX_PRODUCT_IMAGES) throw tooManyImages();
    // Positions keep their gaps after a deletion; only their order matters.
    return manager.save(manager.create(ProductImage, { ...row, position: (stats?.last ?? 0) + 1 }));
  }

  private async removeFiles(productId: string, imageId: string, version: string): Promise<void> {
    for (const { name } of PRODUCT_IMAGE_SIZES) await this.storage.remove(StoragePaths.productImage(productId, imageId, version, name));
  }
}

const imageFields = (i: ProductImage) => ({ imageId: i.id, position: i.position, width: i.width, height: i.height });

const tooManyImages = () =>
  new DomainException(ProductErrorCode.TOO_MANY_IMAGES, {
    vi: `Mỗi sản phẩm có tối đa ${MAX_PRODUCT_IMAGES} ảnh; hãy xóa bớt ảnh trước khi tải thêm`,
    en: `A product has at most ${MAX_PRODUCT_IMAGES} images; delete one before adding another`,
  });

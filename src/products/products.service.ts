import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, QueryFailedError, Repository } from 'typeorm';
import { fold } from '../admin-units/admin-units.service';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { canManageCooperative, canSeeCooperative, scopeOwnedRows } from '../auth/scope';
import { forbidden, notFound, validationFailed } from '../common/errors/common.errors';
import { DomainException } from '../common/errors/domain.exception';
import { Page, parseSort } from '../common/pagination/page-query.dto';
import { AppConfig } from '../config/app-config';
import { CooperativesService } from '../cooperatives/cooperatives.service';
import type { CreateProductDto } from './dto/create-product.dto';
import type { ListProductsQuery } from './dto/list-products.query';
import { ProductImageSize, ProductResponseDto, toProductFields, toProductResponse } from './dto/product-response.dto';
import type { UpdateProductDto } from './dto/update-product.dto';
import { OcopCertification } from './ocop/ocop-certification.entity';
import { isDateOnly } from '../common/time/date-only';
import { ProductErrorCode } from './product-error-code';
import { ProductImage } from './product-image.entity';
import { Product } from './product.entity';

const SORT_COLUMNS = { name: 'p.name_vi', createdAt: 'p.created_at' };

// Fields a PATCH may change but not clear.
const REQUIRED_FIELDS = ['nameVi', 'category', 'unitOfSale', 'netContent', 'netContentUnit'] as const;

@Injectable()
export class ProductsService {
  constructor(
    @InjectRepository(Product) private readonly repo: Repository<Product>,
    @InjectRepository(ProductImage) private readonly imageRepo: Repository<ProductImage>,
    @InjectRepository(OcopCertification) private readonly certificationRepo: Repository<OcopCertification>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cooperatives: CooperativesService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  async create(actor: AuthUser, cooperativeId: string, dto: CreateProductDto): Promise<ProductResponseDto> {
    const coop = await this.cooperatives.getManageableOrThrow(actor, cooperativeId);
    const product = await this.writeUnique(dto.gtin, async (manager) => {
      const saved = await manager.save(manager.create(Product, { ...createFields(dto), cooperativeId: coop.id }));
      await this.audit.record(manager, actor, {
        cooperativeId: coop.id,
        entityType: 'product',
        entityId: saved.id,
        action: 'created',
        after: toProductFields(saved),
      });
      return saved;
    });
    return this.toResponse(product, []);
  }

  async list(actor: AuthUser, query: ListProductsQuery): Promise<Page<ProductResponseDto>> {
    const qb = scopeOwnedRows(this.repo.createQueryBuilder('p'), actor, 'p.cooperative_id');
    if (query.cooperativeId) qb.andWhere('p.cooperative_id = :cooperativeId', { cooperativeId: query.cooperativeId });
    if (query.gtin) qb.andWhere('p.gtin = :gtin', { gtin: query.gtin });
    if (query.name) {
      qb.andWhere(`(nguon_fold(p.name_vi) LIKE :name OR nguon_fold(coalesce(p.name_en, '')) LIKE :name)`, {
        name: `%${escapeLike(fold(query.name))}%`,
      });
    }
    const sort = parseSort(query.sort, SORT_COLUMNS, 'name');
    const [rows, total] = await qb
      .orderBy(sort.column, sort.direction)
      .addOrderBy('p.id', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    const images = await this.imagesOf(rows.map((p) => p.id));
    const items = rows.map((p) => this.toResponse(p, images.filter((i) => i.productId === p.id)));
    return { items, page: query.page, pageSize: query.pageSize, total };
  }

  async get(actor: AuthUser, id: string): Promise<ProductResponseDto> {
    const product = await this.getVisibleOrThrow(actor, id);
    return this.toResponse(product, await this.imagesOf([id]));
  }

  /**
   * For other modules: the product if the actor may see its cooperative; 404 otherwise (existence is not
   * revealed). Its `cooperative` carries only id and provinceCode, enough for the scope checks.
   */
  async getVisibleOrThrow(actor: AuthUser, id: string): Promise<Product> {
    const product = await this.repo
      .createQueryBuilder('p')
      .leftJoin('p.cooperative', 'c')
      .addSelect(['c.id', 'c.provinceCode'])
      .where('p.id = :id', { id })
      .getOne();
    if (!product?.cooperative || !canSeeCooperative(actor, product.cooperative)) throw notFound('sản phẩm', 'Product');
    return product;
  }

  /** Admins, officers of the province and the cooperative's managers change a product; staff only read. */
  async getManageableOrThrow(actor: AuthUser, id: string): Promise<Product> {
    const product = await this.getVisibleOrThrow(actor, id);
    if (!canManageCooperative(actor, product.cooperative!)) throw forbidden();
    return product;
  }

  async update(actor: AuthUser, id: string, dto: UpdateProductDto): Promise<ProductResponseDto> {
    await this.getManageableOrThrow(actor, id);
    const fields = updateFields(dto);
    await this.writeUnique(dto.gtin, async (manager) => {
      // Read under a row lock: with two PATCHes at once, each audit entry's "before" is what it replaced.
      const current = await manager.findOneOrFail(Product, { where: { id }, lock: { mode: 'pessimistic_write' } });
      const before = toProductFields(current);
      // A PATCH that changes nothing writes nothing, so the audit log only shows real changes.
      if (JSON.stringify(toProductFields({ ...current, ...fields })) === JSON.stringify(before)) return;
      await manager.update(Product, id, fields);
      const after = await manager.findOneByOrFail(Product, { id });
      await this.audit.record(manager, actor, {
        cooperativeId: current.cooperativeId,
        entityType: 'product',
        entityId: id,
        action: 'updated',
        before,
        after: toProductFields(after),
      });
    });
    return this.get(actor, id);
  }

  /**
   * For the origin page: the 3–5★ certification of the product valid on `date` (YYYY-MM-DD), the highest
   * star first. A revoked certification never counts, even for dates before the revocation: it may have
   * been revoked because it should not have been granted.
   */
  async validOcopOn(productId: string, date: string): Promise<OcopCertification | null> {
    if (!isDateOnly(date)) throw new Error(`validOcopOn needs a YYYY-MM-DD date, got ${date}`);
    return this.certificationRepo
      .createQueryBuilder('oc')
      .where('oc.product_id = :productId', { productId })
      .andWhere('oc.stars >= 3')
      .andWhere(`oc.status = 'valid'`)
      .andWhere('oc.issued_on <= :date AND oc.valid_until >= :date', { date })
      .orderBy('oc.stars', 'DESC')
      .addOrderBy('oc.issued_on', 'DESC')
      .getOne();
  }

  /** GTINs of several products at once (null when a product has none), for lists of batches and stamps. */
  async gtinsOf(productIds: string[]): Promise<Map<string, string | null>> {
    if (!productIds.length) return new Map();
    const rows = await this.repo.find({ where: { id: In(productIds) }, select: { id: true, gtin: true } });
    return new Map(rows.map((p) => [p.id, p.gtin]));
  }

  toResponse(product: Product, images: ProductImage[]): ProductResponseDto {
    return toProductResponse(product, images, (image, size) => this.imageUrl(image, size));
  }

  imageUrl(image: ProductImage, size: ProductImageSize): string {
    return `${this.config.publicBaseUrl}/products/${image.productId}/images/${image.id}/${size}?v=${image.version}`;
  }

  private imagesOf(productIds: string[]): Promise<ProductImage[]> {
    if (!productIds.length) return Promise.resolve([]);
    return this.imageRepo.find({ where: { productId: In(productIds) }, order: { position: 'ASC' } });
  }

  // One transaction for the change and its audit entry; a GTIN already used elsewhere becomes a 409.
  private async writeUnique<T>(gtin: string | null | undefined, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.dataSource.transaction(work);
    } catch (error) {
      if (error instanceof QueryFailedError && (error as { constraint?: string }).constraint === 'uq_product_gtin') {
        throw new DomainException(
          ProductErrorCode.GTIN_TAKEN,
          { vi: `GTIN ${gtin} đã được dùng cho một sản phẩm khác`, en: `GTIN ${gtin} is already used by another product` },
          [{ field: 'gtin', message: { vi: 'gtin: mã GTIN đã được dùng cho sản phẩm khác', en: 'gtin: this GTIN is already used by another product' } }],
        );
      }
      throw error;
    }
  }
}

/** The columns of a new product from its create DTO (also used by bulk onboarding). */
export function createFields(dto: CreateProductDto): Partial<Product> {
  return {
    nameVi: dto.nameVi,
    nameEn: dto.nameEn ?? null,
    category: dto.category,
    unitOfSale: dto.unitOfSale,
    netContent: String(dto.netContent),
    netContentUnit: dto.netContentUnit,
    gtin: dto.gtin ?? null,
    brand: dto.brand ?? null,
    description: dto.description ?? null,
    standardsApplied: dto.standardsApplied ?? [],
    shelfLifeDays: dto.shelfLifeDays ?? null,
  };
}

// Only the fields sent; null clears an optional field and is refused for a required one.
function updateFields(dto: UpdateProductDto): Partial<Product> {
  const cleared = REQUIRED_FIELDS.filter((f) => (dto as Record<string, unknown>)[f] === null);
  if (cleared.length) {
    throw validationFailed(cleared.map((field) => ({ field, message: { vi: `${field} không được để trống`, en: `${field} cannot be cleared` } })));
  }
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(dto)) if (value !== undefined) fields[key] = value;
  if (typeof dto.netContent === 'number') fields.netContent = String(dto.netContent);
  if (dto.standardsApplied === null) fields.standardsApplied = [];
  return fields as Partial<Product>;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`);

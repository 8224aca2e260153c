import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user';
import { CertificationSubject } from '../certifications/certification.entity';
import type { Certification } from '../certifications/certification.entity';
import { CertificationsService } from '../certifications/certifications.service';
import { todayInVietnam } from '../common/time/vn-date';
import { CooperativesService } from '../cooperatives/cooperatives.service';
import { BatchStatus } from '../harvest-batches/batch-status';
import type { HarvestBatchResponseDto } from '../harvest-batches/dto/harvest-batch-response.dto';
import { HarvestBatchesService } from '../harvest-batches/harvest-batches.service';
import { KG_PER_UNIT } from '../harvest-batches/units';
import type { ListHarvestBatchesQuery } from '../harvest-batches/dto/list-harvest-batches.query';
import type { ListingDraft, LocalIssue } from '../marketplaces/marketplace-adapter';
import { PlantingAreasService } from '../planting-areas/planting-areas.service';
import { ProductsService } from '../products/products.service';
import { Role } from '../users/role.enum';

// Drafts are built by jobs as well as for users, so the registry is read with a read-only system
// identity; who may publish what was checked before (as for the public origin pages).
const REGISTRY_READER: AuthUser = { id: '00000000-0000-0000-0000-000000000000', role: Role.Admin, cooperativeId: null, provinceCodes: [] };

const SCHEME_VI: Record<string, string> = { organic_tcvn: 'Hữu cơ TCVN 11041', organic_other: 'Hữu cơ', ISO22000: 'ISO 22000' };
const NET_UNIT_VI: Record<string, string> = { KGM: 'kg', GRM: 'g', LTR: 'lít', MLT: 'ml', H87: 'cái' };

export interface DraftInput {
  productId: string;
  sellerSku: string;
  priceVnd: number;
  stock: number;
}

export interface BuiltDraft {
  draft: ListingDraft;
  /** Registry facts missing for any marketplace (no sealed batch, no GTIN…), found before the adapter's own checks. */
  issues: LocalIssue[];
}

/**
 * The listing text comes from the registry, not from the person publishing: origin (commune, province),
 * producer, planting-area code, OCOP stars and certificates valid today, and the link to the origin
 * page of the latest sealed lot. Marketplace shoppers see the same facts as someone scanning a stamp.
 */
@Injectable()
export class ListingDraftBuilder {
  constructor(
    private readonly products: ProductsService,
    private readonly cooperatives: CooperativesService,
    private readonly batches: HarvestBatchesService,
    private readonly areas: PlantingAreasService,
    private readonly certifications: CertificationsService,
  ) {}

  async build(input: DraftInput, today = todayInVietnam()): Promise<BuiltDraft> {
    const product = await this.products.get(REGISTRY_READER, input.productId);
    const [coop, batch, ocop] = await Promise.all([
      this.cooperatives.get(REGISTRY_READER, product.cooperativeId),
      this.latestClosedBatch(product.id),
      this.products.validOcopOn(product.id, today),
    ]);
    const area = batch ? await this.areas.get(REGISTRY_READER, batch.plantingAreaId) : null;
    const areaCode = batch ? (await this.areas.codesOn(batch.plantingAreaId, batch.harvestDateFrom)).find((c) => c.status === 'active')?.code ?? null : null;
    const certificates = await this.certifications.validOn(
      [
        { type: CertificationSubject.Cooperative, id: coop.id },
        { type: CertificationSubject.Product, id: product.id },
        ...(area ? [{ type: CertificationSubject.PlantingArea, id: area.id }] : []),
      ],
      today,
    );
    const issues: LocalIssue[] = [];
    if (!batch) {
      issues.push({
        field: 'batch',
        message: {
          vi: 'Sản phẩm chưa có lô thu hoạch đã niêm phong (và chưa bị thu hồi): chưa có gì để truy xuất nên chưa đăng bán được',
          en: 'The product has no sealed (and not recalled) harvest batch: nothing to trace yet, so it cannot be listed',
        },
      });
    }
    // Only GTIN products have a public lot page (/01/{gtin}/10/{lot}); a stamp's own /s/{serial} link
    // would count every marketplace visitor as a scan of that one stamp and flag it as copied.
    const traceabilityUrl = batch && batch.productTracingCode.startsWith('http') ? batch.productTracingCode : '';
    if (batch && !traceabilityUrl) {
      issues.push({
        field: 'gtin',
        message: {
          vi: 'Sản phẩm chưa có mã GTIN nên chưa có trang truy xuất cấp lô để dẫn link trên sàn; hãy khai báo GTIN cho sản phẩm',
          en: 'The product has no GTIN, so there is no lot-level origin page to link from the marketplace; add a GTIN to the product',
        },
      });
    }
    const netContent = `${formatNumber(product.netContent)} ${NET_UNIT_VI[product.netContentUnit] ?? product.netContentUnit}`;
    const draft: ListingDraft = {
      sellerSku: input.sellerSku,
      title: product.nameVi,
      descriptionText: [
        product.description?.trim(),
        `Quy cách: ${product.unitOfSale} ${netContent}.`,
        `Nhà sản xuất: ${coop.name}, ${coop.address.fullText}.`,
        area && `Vùng trồng: ${area.name}, ${area.address.communeName}, ${area.address.provinceName}${areaCode ? ` (mã số vùng trồng ${areaCode})` : ''}.`,
        batch && `Lô hàng gần nhất: ${batch.lotCode}, thu hoạch ngày ${formatDate(batch.harvestDateFrom)}.`,
      ]
        .filter((line): line is string => !!line)
        .join('\n'),
      categoryName: product.category,
      priceVnd: input.priceVnd,
      stock: input.stock,
      saleUnit: `${product.unitOfSale} ${netContent}`,
      weightGrams: weightGrams(product.netContent, product.netContentUnit),
      imageUrls: product.images.map((i) => i.urls.large),
      traceabilityUrl,
      cooperativeName: coop.shortName ?? coop.name,
      provinceName: (area?.address ?? coop.address).provinceName,
      ocopStars: ocop?.stars ?? null,
      certifications: certificates.map(certificateLabel),
    };
    return { draft, issues };
  }

  private async latestClosedBatch(productId: string): Promise<HarvestBatchResponseDto | null> {
    const query = { productId, status: BatchStatus.Closed, page: 1, pageSize: 1 } as ListHarvestBatchesQuery;
    return (await this.batches.list(REGISTRY_READER, query)).items[0] ?? null;
  }
}

function certificateLabel(c: Certification): string {
  const scheme = c.scheme === 'other' ? (c.schemeName ?? 'Chứng nhận') : (SCHEME_VI[c.scheme] ?? c.scheme);
  return `${scheme} số ${c.certificateNo} (${c.certBody}, hiệu lực đến ${formatDate(c.validUntil)})`;
}

function weightGrams(netContent: number, unit: string): number | null {
  if (unit === 'GRM') return Math.round(netContent);
  const kg = KG_PER_UNIT[unit];
  return kg ? Math.round(netContent * kg * 1000) : null;
}

const formatNumber = (n: number) => n.toLocaleString('vi-VN', { maximumFractionDigits: 3 });
const formatDate = (d: string) => d.split('-').reverse().join('/');

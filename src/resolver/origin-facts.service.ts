import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user';
import { CertificationsService } from '../certifications/certifications.service';
import { CertificationSubject } from '../certifications/certification.entity';
import { CooperativesService } from '../cooperatives/cooperatives.service';
import { FarmingDiaryService } from '../farming-diary/farming-diary.service';
import { ListingsService } from '../listings/listings.service';
import { HarvestBatchesService } from '../harvest-batches/harvest-batches.service';
import { TraceEventsService } from '../harvest-batches/trace-events/trace-events.service';
import { PlantingAreasService } from '../planting-areas/planting-areas.service';
import { ProductsService } from '../products/products.service';
import { Role } from '../users/role.enum';
import type { CooperativeResponseDto } from '../cooperatives/dto/cooperative-response.dto';
import type { HarvestBatchResponseDto } from '../harvest-batches/dto/harvest-batch-response.dto';
import type { TraceEventResponseDto } from '../harvest-batches/trace-events/dto/trace-event-response.dto';
import type { ProductResponseDto } from '../products/dto/product-response.dto';
import type { PlantingAreaResponseDto } from '../planting-areas/dto/planting-area-response.dto';
import type { Certification } from '../certifications/certification.entity';
import type { FarmingDiaryEntry } from '../farming-diary/farming-diary-entry.entity';

// Public pages show what the cooperative published about a genuine stamp; they read it with a
// read-only system identity rather than a user's scope. Nothing here writes.
const PUBLIC_READER: AuthUser = { id: '00000000-0000-0000-0000-000000000000', role: Role.Admin, cooperativeId: null, provinceCodes: [] };

/** Everything about a batch that does not change per scan. */
export interface OriginFacts {
  batch: HarvestBatchResponseDto;
  product: ProductResponseDto;
  producer: CooperativeResponseDto;
  area: PlantingAreaResponseDto;
  areaCode: string | null;
  ocop: { stars: number; validUntil: string } | null;
  certifications: Certification[];
  stages: TraceEventResponseDto[];
  diary: FarmingDiaryEntry[];
  marketplaceLinks: { marketplace: string; url: string }[];
  builtAt: string;
}

const TTL_MS = 30_000;
const MAX_ENTRIES = 5_000;

// The per-batch half of an origin page, cached for 30 s: a market stall's 200 scans of one lot cost
// one set of registry reads. Per-stamp state (status, counts) is never cached.
@Injectable()
export class OriginFactsService {
  private readonly cache = new Map<string, { facts: Promise<OriginFacts>; expires: number }>();

  constructor(
    private readonly batches: HarvestBatchesService,
    private readonly products: ProductsService,
    private readonly cooperatives: CooperativesService,
    private readonly areas: PlantingAreasService,
    private readonly certifications: CertificationsService,
    private readonly traceEvents: TraceEventsService,
    private readonly diary: FarmingDiaryService,
    private readonly listings: ListingsService,
  ) {}

  forBatch(batchId: string, now = Date.now()): Promise<OriginFacts> {
    const hit = this.cache.get(batchId);
    if (hit && hit.expires > now) return hit.facts;
    const facts = this.build(batchId);
    this.cache.set(batchId, { facts, expires: now + TTL_MS });
    facts.catch(() => this.cache.delete(batchId));
    if (this.cache.size > MAX_ENTRIES) this.cache.delete(this.cache.keys().next().value!);
    return facts;
  }

  /** Drop a batch's cached facts (after a change a consumer must see at once). */
  forget(batchId: string): void {
    this.cache.delete(batchId);
  }

  private async build(batchId: string): Promise<OriginFacts> {
    const batch = await this.batches.get(PUBLIC_READER, batchId);
    const harvest = batch.harvestDateFrom;
    const [product, producer, area, codes, ocop, stages, diary, marketplaceLinks] = await Promise.all([
      this.products.get(PUBLIC_READER, batch.productId),
      this.cooperatives.get(PUBLIC_READER, batch.cooperativeId),
      this.areas.get(PUBLIC_READER, batch.plantingAreaId),
      this.areas.codesOn(batch.plantingAreaId, harvest),
      this.products.validOcopOn(batch.productId, harvest),
      this.traceEvents.listFor(batchId),
      this.diary.entriesOf(batch.plantingAreaId, batch.seasonId),
      this.listings.liveLinksOf(batch.productId),
    ]);
    // Certificates and stars count only when they were valid on the harvest date (Circular 02/2024, OCOP rules).
    const certifications = await this.certifications.validOn(
      [
        { type: CertificationSubject.Cooperative, id: batch.cooperativeId },
        { type: CertificationSubject.PlantingArea, id: batch.plantingAreaId },
        { type: CertificationSubject.Product, id: batch.productId },
      ],
      harvest,
    );
    return {
      batch,
      product,
      producer,
      area,
      areaCode: codes.find((c) => c.status === 'active')?.code ?? null,
      ocop: ocop ? { stars: ocop.stars, validUntil: ocop.validUntil } : null,
      certifications,
      stages,
      marketplaceLinks,
      diary: diary.filter((e) => new Date(e.occurredAt) <= new Date(`${harvest}T23:59:59+07:00`)),
      builtAt: new Date().toISOString(),
    };
  }
}

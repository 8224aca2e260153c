import { Injectable, Logger } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user';
import { CertificationsService } from '../certifications/certifications.service';
import { CertificationScheme, CertificationSubject } from '../certifications/certification.entity';
import { addDays, todayInVietnam } from '../common/time/vn-date';
import { DiaryActivity } from '../farming-diary/diary-activity';
import { FarmingDiaryService } from '../farming-diary/farming-diary.service';
import { BatchLifecycleService } from '../harvest-batches/batch-lifecycle.service';
import { HarvestBatchesService } from '../harvest-batches/harvest-batches.service';
import { TraceStep } from '../harvest-batches/trace-events/trace-event.entity';
import { TraceEventsService } from '../harvest-batches/trace-events/trace-events.service';
import { ImageProcessor } from '../media/image-processor';
import { CodeStatus } from '../planting-areas/code-status';
import { PlantingStandard } from '../planting-areas/planting-area-kinds';
import { PlantingAreaCodesService } from '../planting-areas/planting-area-codes.service';
import { PlantingAreasService } from '../planting-areas/planting-areas.service';
import { PlantingSeasonsService } from '../planting-areas/planting-seasons.service';
import { OcopCertificationsService } from '../products/ocop/ocop-certifications.service';
import { ProductImagesService } from '../products/product-images.service';
import { ProductsService } from '../products/products.service';
import { StampsService } from '../stamps/stamps.service';
import { AppConfig } from '../config/app-config';
import { CreateMarketplaceAccountDto } from '../listings/dto/create-marketplace-account.dto';
import { MarketplaceAccountsService } from '../listings/marketplace-accounts.service';
import { DEMO_SANDBOX_ACCOUNTS } from '../marketplaces/sandbox/demo-sandbox-accounts';
import { DemoArea, DemoProduct, DEMO_AREAS, DEMO_PRODUCTS } from './demo-registry';
import { CreateCertificationDto } from '../certifications/dto/create-certification.dto';
import { CreateDiaryEntryDto } from '../farming-diary/dto/create-diary-entry.dto';
import { CreateHarvestBatchDto } from '../harvest-batches/dto/create-harvest-batch.dto';
import { CreateTraceEventDto } from '../harvest-batches/trace-events/dto/create-trace-event.dto';
import { ChangeCodeStatusDto } from '../planting-areas/dto/change-code-status.dto';
import { CreatePlantingAreaCodeDto } from '../planting-areas/dto/create-planting-area-code.dto';
import { CreatePlantingAreaDto } from '../planting-areas/dto/create-planting-area.dto';
import { CreatePlantingSeasonDto } from '../planting-areas/dto/create-planting-season.dto';
import { CreateProductDto } from '../products/dto/create-product.dto';
import { CreateOcopCertificationDto } from '../products/ocop/dto/create-ocop-certification.dto';
import { validDto } from './valid-dto';


// Seeds the registry through the same services the API uses, acting as the demo admin, so the demo
// data obeys every rule (active codes on harvest dates, PHI, audit entries) a real cooperative meets.
@Injectable()
export class DemoRegistrySeeder {
  private readonly logger = new Logger('DemoSeed');

  constructor(
    private readonly areas: PlantingAreasService,
    private readonly seasons: PlantingSeasonsService,
    private readonly codes: PlantingAreaCodesService,
    private readonly products: ProductsService,
    private readonly images: ProductImagesService,
    private readonly ocop: OcopCertificationsService,
    private readonly certifications: CertificationsService,
    private readonly diary: FarmingDiaryService,
    private readonly batches: HarvestBatchesService,
    private readonly lifecycle: BatchLifecycleService,
    private readonly traceEvents: TraceEventsService,
    private readonly imageProcessor: ImageProcessor,
    private readonly stamps: StampsService,
    private readonly accounts: MarketplaceAccountsService,
    private readonly config: AppConfig,
  ) {}

  async seed(admin: AuthUser, cooperativeIds: Map<string, string>): Promise<void> {
    const today = todayInVietnam();
    const seeded = new Map<string, { areaId: string; seasonId: string }>();
    for (const area of DEMO_AREAS) seeded.set(area.key, await this.seedArea(admin, cooperativeIds.get(area.cooperative)!, area, today));
    for (const product of DEMO_PRODUCTS) {
      const area = DEMO_AREAS.find((a) => a.key === product.area)!;
      await this.seedProduct(admin, cooperativeIds.get(area.cooperative)!, product, seeded.get(product.area)!, today);
    }
    await this.seedMarketplaceAccounts(admin, cooperativeIds);
    this.logger.log(`Seeded demo registry: ${DEMO_AREAS.length} planting areas, ${DEMO_PRODUCTS.length} products with closed batches`);
  }

  private async seedArea(admin: AuthUser, cooperativeId: string, a: DemoArea, today: string) {
    const area = await this.areas.create(admin, cooperativeId, validDto(CreatePlantingAreaDto, {
      name: a.name,
      crop: a.crop,
      variety: a.variety,
      declaredAreaHa: a.declaredAreaHa,
      householdCount: a.householdCount,
      address: { oldCommuneCode: a.oldCommuneCode, street: a.street },
      standard: a.standard,
    }));
    const season = await this.seasons.create(admin, area.id, validDto(CreatePlantingSeasonDto, {
      name: 'Vụ đông 2026',
      startDate: addDays(today, -100),
      expectedHarvestFrom: addDays(today, -20),
      expectedHarvestTo: addDays(today, 40),
      expectedYieldKg: a.expectedYieldKg,
      targetMarket: 'Nội địa (chợ đầu mối, Postmart, Voso)',
    }));
    const issuedOn = addDays(today, -700);
    const code = await this.codes.add(admin, area.id, validDto(CreatePlantingAreaCodeDto, {
      code: a.code,
      scope: 'domestic',
      issuer: 'Chi cục Trồng trọt và Bảo vệ thực vật',
      decisionNo: `${a.code.slice(-5)}/QĐ-TTBVTV`,
      issuedOn,
      validUntil: addDays(today, 400),
    }));
    await this.codes.changeStatus(admin, area.id, code.id, validDto(ChangeCodeStatusDto, { status: CodeStatus.Active, reason: 'Đã kiểm tra thực địa, nhật ký canh tác đầy đủ', effectiveFrom: issuedOn }));
    if (a.standard === PlantingStandard.VietGap) {
      await this.certifications.create(admin, validDto(CreateCertificationDto, {
        subjectType: CertificationSubject.PlantingArea,
        subjectId: area.id,
        scheme: CertificationScheme.VietGap,
        certificateNo: `VG-${a.code.slice(-5)}`,
        certBody: 'Trung tâm Kiểm nghiệm và Chứng nhận chất lượng TQC',
        issuedOn: addDays(today, -300),
        validUntil: addDays(today, 430),
        scopeText: `${a.crop}, ${a.declaredAreaHa} ha`,
      }));
    }
    await this.seedDiary(admin, area.id, season.id, a, today);
    return { areaId: area.id, seasonId: season.id };
  }

  private async seedDiary(admin: AuthUser, areaId: string, seasonId: string, a: DemoArea, today: string) {
    const at = (daysAgo: number) => `${addDays(today, -daysAgo)}T07:00:00+07:00`;
    await this.diary.create(admin, areaId, seasonId, validDto(CreateDiaryEntryDto, { activity: DiaryActivity.Sowing, occurredAt: at(100), performedBy: 'Tổ sản xuất số 1', notes: `Gieo trồng ${a.variety ?? a.crop}` }));
    await this.diary.create(admin, areaId, seasonId, validDto(CreateDiaryEntryDto, {
      activity: DiaryActivity.Fertilising,
      occurredAt: at(60),
      inputs: [{ name: 'Phân hữu cơ vi sinh Sông Gianh', dose: 40, doseUnit: 'kg/sào' }],
    }));
    await this.diary.create(admin, areaId, seasonId, validDto(CreateDiaryEntryDto, {
      activity: DiaryActivity.Spraying,
      occurredAt: at(25),
      inputs: [{ name: 'Xentari 35WDG', registrationNo: 'PKL-0035', activeIngredient: 'Bacillus thuringiensis var. aizawai', dose: 15, doseUnit: 'g/bình 16 lít', preHarvestIntervalDays: 3 }],
      notes: 'Phòng sâu tơ, thuốc sinh học',
    }));
    await this.diary.create(admin, areaId, seasonId, validDto(CreateDiaryEntryDto, { activity: DiaryActivity.Irrigating, occurredAt: at(10), notes: 'Tưới nhỏ giọt' }));
    await this.diary.create(admin, areaId, seasonId, validDto(CreateDiaryEntryDto, { activity: DiaryActivity.Harvesting, occurredAt: at(3), performedBy: 'Tổ sản xuất số 1' }));
  }

  private async seedProduct(admin: AuthUser, cooperativeId: string, p: DemoProduct, where: { areaId: string; seasonId: string }, today: string) {
    const product = await this.products.create(admin, cooperativeId, validDto(CreateProductDto, {
      nameVi: p.nameVi,
      nameEn: p.nameEn,
      category: p.category,
      unitOfSale: p.unitOfSale,
      netContent: p.netContent,
      netContentUnit: p.netContentUnit,
      gtin: p.gtin,
      shelfLifeDays: p.shelfLifeDays,
      description: p.description,
      standardsApplied: ['TCVN 11892-1:2017 (VietGAP)'],
    }));
    await this.images.add(admin, product.id, await this.picture(p.colours));
    if (p.ocop) {
      const decisionDate = typeof p.ocop.decisionDate === 'string' ? p.ocop.decisionDate : addDays(today, -p.ocop.decisionDate.daysAgo);
      await this.ocop.create(admin, product.id, validDto(CreateOcopCertificationDto, {
        stars: p.ocop.stars,
        score: p.ocop.score,
        groupCode: '1',
        subgroupCode: '1.1',
        recognisingLevel: p.ocop.level,
        authority: p.ocop.authority,
        decisionNo: p.ocop.decisionNo,
        decisionDate,
      }));
    }
    const batch = await this.batches.create(admin, validDto(CreateHarvestBatchDto, {
      productId: product.id,
      plantingAreaId: where.areaId,
      seasonId: where.seasonId,
      lotCode: `${p.lotPrefix}-${addDays(today, -3).replace(/-/g, '').slice(2)}-01`,
      harvestDateFrom: addDays(today, -3),
      quantity: p.batchKg,
      unit: 'KGM',
      packDate: addDays(today, -2),
      expiryDate: addDays(today, -2 + p.shelfLifeDays),
    }));
    await this.lifecycle.close(admin, batch.id);
    // Every demo lot gets a roll of activated stamps, so a newcomer can scan one right away.
    const issuance = await this.stamps.issue(admin, batch.id, { count: 20, withPin: p.key === 'cabbage' });
    await this.stamps.activate(admin, issuance.id, { toSeq: 18 });
    const batchEntity = await this.batches.getVisibleOrThrow(admin, batch.id);
    await this.traceEvents.record(admin, batchEntity, validDto(CreateTraceEventDto, {
      step: TraceStep.Packing,
      eventTime: `${addDays(today, -2)}T09:00:00+07:00`,
      locationCode: 'Khu sơ chế, đóng gói của hợp tác xã',
      quantity: p.batchKg,
      unit: 'KGM',
    }));
    await this.traceEvents.record(admin, batchEntity, validDto(CreateTraceEventDto, {
      step: TraceStep.Shipping,
      eventTime: `${addDays(today, -1)}T06:30:00+07:00`,
      locationCode: 'Kho hợp tác xã',
      destinationParty: { name: 'Bưu điện tỉnh (sàn Postmart)', locationCode: 'Kho hàng Postmart' },
      quantity: p.batchKg,
      unit: 'KGM',
      documentNo: `PX-${p.lotPrefix}-001`,
    }));
  }

  // Each demo cooperative is connected to Postmart and Voso on the in-process sandbox marketplace.
  private async seedMarketplaceAccounts(admin: AuthUser, cooperativeIds: Map<string, string>) {
    const base = `http://127.0.0.1:${this.config.sandboxPort}`;
    for (const a of DEMO_SANDBOX_ACCOUNTS) {
      await this.accounts.create(
        admin,
        cooperativeIds.get(a.cooperative)!,
        validDto(CreateMarketplaceAccountDto, {
          marketplace: a.marketplace,
          mode: 'partner_api',
          credentials: { baseUrl: `${base}/${a.marketplace}`, username: a.username, password: a.password, ...(a.customerCode && { customerCode: a.customerCode }) },
        }),
      );
    }
  }

  // A simple generated picture (the demo has no photographs): a produce-coloured disc on a soft field.
  private picture([light, dark]: [string, string]): Promise<Buffer> {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600" viewBox="0 0 800 600">
      <defs><radialGradient id="g" cx="40%" cy="35%" r="65%"><stop offset="0" stop-color="${light}"/><stop offset="1" stop-color="${dark}"/></radialGradient></defs>
      <rect width="800" height="600" fill="#f1f8e9"/><ellipse cx="400" cy="320" rx="230" ry="210" fill="url(#g)"/></svg>`;
    return this.imageProcessor.svgToPng(svg, { width: 800 });
  }
}

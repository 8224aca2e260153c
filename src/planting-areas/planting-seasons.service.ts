import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { notFound, validationFailed } from '../common/errors/common.errors';
import { Page, PageQueryDto } from '../common/pagination/page-query.dto';
import { checkSeasonDates } from './date-rules';
import type { CreatePlantingSeasonDto } from './dto/create-planting-season.dto';
import { toNumber } from './dto/planting-area-response.dto';
import { PlantingSeasonResponseDto, toPlantingSeasonResponse } from './dto/planting-season-response.dto';
import type { UpdatePlantingSeasonDto } from './dto/update-planting-season.dto';
import { PlantingAreaAccess } from './planting-area-access';
import { changes, refuseNulls } from '../common/validation/update-helpers';
import type { PlantingArea } from './planting-area.entity';
import { PlantingSeason } from './planting-season.entity';

const ENTITY_TYPE = 'planting_season';

@Injectable()
export class PlantingSeasonsService {
  constructor(
    @InjectRepository(PlantingSeason) private readonly repo: Repository<PlantingSeason>,
    private readonly dataSource: DataSource,
    private readonly access: PlantingAreaAccess,
    private readonly audit: AuditService,
  ) {}

  async create(actor: AuthUser, plantingAreaId: string, dto: CreatePlantingSeasonDto): Promise<PlantingSeasonResponseDto> {
    const { area } = await this.access.manageable(actor, plantingAreaId);
    const season = this.repo.create({ plantingAreaId: area.id, actualYieldKg: null, closedAt: null });
    this.apply(season, dto);
    return toPlantingSeasonResponse(await this.save(actor, area, season, 'created', null));
  }

  async list(actor: AuthUser, plantingAreaId: string, page: PageQueryDto): Promise<Page<PlantingSeasonResponseDto>> {
    const { area } = await this.access.visible(actor, plantingAreaId);
    const [rows, total] = await this.repo.findAndCount({
      where: { plantingAreaId: area.id },
      order: { startDate: 'DESC', createdAt: 'DESC' },
      skip: (page.page - 1) * page.pageSize,
      take: page.pageSize,
    });
    return { items: rows.map(toPlantingSeasonResponse), page: page.page, pageSize: page.pageSize, total };
  }

  async update(actor: AuthUser, plantingAreaId: string, seasonId: string, dto: UpdatePlantingSeasonDto): Promise<PlantingSeasonResponseDto> {
    const { area } = await this.access.manageable(actor, plantingAreaId);
    const season = await this.getOrThrow(area.id, seasonId);
    const nulls = refuseNulls(dto, ['actualYieldKg']);
    if (nulls.length) throw validationFailed(nulls);
    const before = auditView(season);
    this.apply(season, dto);
    const diff = changes(before, auditView(season));
    if (!diff.changed) return toPlantingSeasonResponse(season);
    return toPlantingSeasonResponse(await this.save(actor, area, season, 'updated', diff));
  }

  /** The season if it belongs to that area; 404 otherwise (callers check the area's visibility first). */
  async getOrThrow(plantingAreaId: string, seasonId: string): Promise<PlantingSeason> {
    const season = await this.repo.findOneBy({ id: seasonId, plantingAreaId });
    if (!season) throw notFound('mùa vụ của vùng trồng này', 'Season of this planting area');
    return season;
  }

  private apply(season: PlantingSeason, dto: UpdatePlantingSeasonDto): void {
    if (dto.name !== undefined) season.name = dto.name;
    if (dto.startDate !== undefined) season.startDate = dto.startDate;
    if (dto.expectedHarvestFrom !== undefined) season.expectedHarvestFrom = dto.expectedHarvestFrom;
    if (dto.expectedHarvestTo !== undefined) season.expectedHarvestTo = dto.expectedHarvestTo;
    if (dto.expectedYieldKg !== undefined) season.expectedYieldKg = String(dto.expectedYieldKg);
    if (dto.targetMarket !== undefined) season.targetMarket = dto.targetMarket;
    if (dto.actualYieldKg !== undefined) {
      season.actualYieldKg = dto.actualYieldKg === null ? null : String(dto.actualYieldKg);
      // The actual yield is the end-of-season fact: recording it closes the season, clearing it reopens.
      season.closedAt = dto.actualYieldKg === null ? null : (season.closedAt ?? new Date());
    }
    // Checked on the merged values, so a PATCH of one date is held against the stored others.
    const problems = checkSeasonDates(season);
    if (problems.length) throw validationFailed(problems);
  }

  private save(
    actor: AuthUser,
    area: PlantingArea,
    season: PlantingSeason,
    action: 'created' | 'updated',
    diff: { before: object; after: object } | null,
  ): Promise<PlantingSeason> {
    return this.dataSource.transaction(async (manager) => {
      const row = await manager.save(season);
      await this.audit.record(manager, actor, {
        cooperativeId: area.cooperativeId,
        entityType: ENTITY_TYPE,
        entityId: row.id,
        action,
        before: diff?.before ?? null,
        after: diff?.after ?? { plantingAreaId: area.id, ...auditView(row) },
      });
      return row;
    });
  }
}

function auditView(s: PlantingSeason): Record<string, unknown> {
  return {
    name: s.name,
    startDate: s.startDate,
    expectedHarvestFrom: s.expectedHarvestFrom,
    expectedHarvestTo: s.expectedHarvestTo,
    expectedYieldKg: Number(s.expectedYieldKg),
    targetMarket: s.targetMarket,
    actualYieldKg: toNumber(s.actualYieldKg),
  };
}

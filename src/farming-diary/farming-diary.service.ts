import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { invalidField, notFound, forbidden, validationFailed } from '../common/errors/common.errors';
import { DomainException } from '../common/errors/domain.exception';
import { refuseNulls } from '../common/validation/update-helpers';
import { AppConfig } from '../config/app-config';
import { PlantingAreasService } from '../planting-areas/planting-areas.service';
import { Role } from '../users/role.enum';
import { DiaryActivity } from './diary-activity';
import type { DiaryInput } from './diary-input';
import type { CreateDiaryEntryDto } from './dto/create-diary-entry.dto';
import { DiaryEntryResponseDto, toDiaryEntryResponse } from './dto/diary-entry-response.dto';
import type { DiaryInputDto } from './dto/diary-input.dto';
import type { UpdateDiaryEntryDto } from './dto/update-diary-entry.dto';
import { FarmingDiaryErrorCode } from './farming-diary-error-code';
import { FarmingDiaryEntry } from './farming-diary-entry.entity';
import { SprayWindow, sprayWindows } from './phi';

const EDIT_WINDOW_MS = 24 * 60 * 60 * 1000;
const CLOCK_SKEW_MS = 5 * 60 * 1000;

@Injectable()
export class FarmingDiaryService {
  constructor(
    @InjectRepository(FarmingDiaryEntry) private readonly repo: Repository<FarmingDiaryEntry>,
    @InjectDataSource() private readonly db: DataSource,
    private readonly areas: PlantingAreasService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  // Anyone who can see the cooperative records field work: staff in the field, managers, and the
  // extension officers who help them.
  async create(actor: AuthUser, plantingAreaId: string, seasonId: string, dto: CreateDiaryEntryDto): Promise<DiaryEntryResponseDto> {
    const area = await this.areas.getVisibleOrThrow(actor, plantingAreaId);
    await this.areas.getSeasonOrThrow(plantingAreaId, seasonId);
    const occurredAt = this.checkOccurredAt(dto.occurredAt);
    const inputs = checkInputs(dto.activity, dto.inputs ?? []);
    return this.db.transaction(async (manager) => {
      if (dto.correctsEntryId) await this.assertCorrectable(manager.getRepository(FarmingDiaryEntry), dto.correctsEntryId, plantingAreaId, seasonId);
      const entry = await manager.save(FarmingDiaryEntry, {
        cooperativeId: area.cooperativeId,
        plantingAreaId,
        seasonId,
        activity: dto.activity,
        occurredAt,
        actorId: actor.id,
        performedBy: dto.performedBy ?? null,
        inputs,
        notes: dto.notes ?? null,
        late: Date.now() - occurredAt.getTime() > this.config.diaryLateAfterDays * 86_400_000,
        correctsEntryId: dto.correctsEntryId ?? null,
      });
      await this.audit.record(manager, actor, {
        cooperativeId: area.cooperativeId,
        entityType: 'farming_diary_entry',
        entityId: entry.id,
        action: dto.correctsEntryId ? 'correction_recorded' : 'created',
        after: entry,
      });
      return this.toResponse(entry, null);
    });
  }

  async update(actor: AuthUser, entryId: string, dto: UpdateDiaryEntryDto): Promise<DiaryEntryResponseDto> {
    const entry = await this.getVisibleOrThrow(actor, entryId);
    if (Date.now() - entry.recordedAt.getTime() > EDIT_WINDOW_MS) {
      throw new DomainException(FarmingDiaryErrorCode.ENTRY_LOCKED, {
        vi: 'Mục nhật ký đã khóa sau 24 giờ. Hãy ghi một mục sửa mới (correctsEntryId) để đính chính',
        en: 'Diary entries lock 24 hours after recording. Record a new correcting entry (correctsEntryId) instead',
      });
    }
    const isAuthor = entry.actorId === actor.id;
    if (!isAuthor && actor.role === Role.CooperativeStaff) throw forbidden('Chỉ người ghi hoặc quản lý được sửa mục này', 'Only the author or a manager may edit this entry');
    // null clears performedBy and notes; activity, occurredAt and inputs cannot be null (send [] for no inputs).
    const nulls = refuseNulls(dto, ['performedBy', 'notes']);
    if (nulls.length) throw validationFailed(nulls);
    const before = { ...entry };
    const activity = dto.activity ?? entry.activity;
    if (dto.occurredAt !== undefined) entry.occurredAt = this.checkOccurredAt(dto.occurredAt);
    if (dto.inputs !== undefined || dto.activity !== undefined) {
      entry.inputs = dto.inputs !== undefined ? checkInputs(activity, dto.inputs) : checkStoredInputs(activity, entry.inputs);
    }
    entry.activity = activity;
    if (dto.performedBy !== undefined) entry.performedBy = dto.performedBy;
    if (dto.notes !== undefined) entry.notes = dto.notes;
    entry.late = entry.recordedAt.getTime() - entry.occurredAt.getTime() > this.config.diaryLateAfterDays * 86_400_000;
    return this.db.transaction(async (manager) => {
      const saved = await manager.save(FarmingDiaryEntry, entry);
      await this.audit.record(manager, actor, { cooperativeId: entry.cooperativeId, entityType: 'farming_diary_entry', entityId: entry.id, action: 'updated', before, after: saved });
      return this.toResponse(saved, null);
    });
  }

  async list(actor: AuthUser, plantingAreaId: string, seasonId: string): Promise<DiaryEntryResponseDto[]> {
    await this.areas.getVisibleOrThrow(actor, plantingAreaId);
    await this.areas.getSeasonOrThrow(plantingAreaId, seasonId);
    const entries = await this.entriesOf(plantingAreaId, seasonId);
    const correctedBy = new Map(entries.filter((e) => e.correctsEntryId).map((e) => [e.correctsEntryId!, e.id]));
    return entries.map((e) => this.toResponse(e, correctedBy.get(e.id) ?? null));
  }

  /** For other modules: every entry of a season, oldest first (no access check). */
  entriesOf(plantingAreaId: string, seasonId: string): Promise<FarmingDiaryEntry[]> {
    return this.repo.find({ where: { plantingAreaId, seasonId }, order: { occurredAt: 'ASC', recordedAt: 'ASC' } });
  }

  async sprayWindowsOf(plantingAreaId: string, seasonId: string): Promise<SprayWindow[]> {
    return sprayWindows(await this.entriesOf(plantingAreaId, seasonId));
  }

  async getVisibleOrThrow(actor: AuthUser, entryId: string): Promise<FarmingDiaryEntry> {
    const entry = await this.repo.findOneBy({ id: entryId });
    if (!entry) throw notFound('mục nhật ký', 'Diary entry');
    await this.areas.getVisibleOrThrow(actor, entry.plantingAreaId);
    return entry;
  }

  private async assertCorrectable(repo: Repository<FarmingDiaryEntry>, id: string, plantingAreaId: string, seasonId: string): Promise<void> {
    const original = await repo.findOneBy({ id });
    if (!original || original.plantingAreaId !== plantingAreaId || original.seasonId !== seasonId) {
      throw invalidField('correctsEntryId', 'Mục cần sửa không thuộc vùng trồng và mùa vụ này', 'The corrected entry is not of this planting area and season');
    }
    const existing = await repo.findOneBy({ correctsEntryId: id });
    if (existing) {
      throw new DomainException(FarmingDiaryErrorCode.ALREADY_CORRECTED, {
        vi: `Mục này đã được sửa bởi mục ${existing.id}; hãy sửa mục mới nhất`,
        en: `This entry was already corrected by ${existing.id}; correct the latest one`,
      });
    }
  }

  private checkOccurredAt(value: string): Date {
    const occurredAt = new Date(value);
    if (occurredAt.getTime() > Date.now() + CLOCK_SKEW_MS) {
      throw invalidField('occurredAt', 'Thời điểm thực hiện không được ở tương lai', 'occurredAt cannot be in the future');
    }
    return occurredAt;
  }

  private toResponse(e: FarmingDiaryEntry, correctedBy: string | null): DiaryEntryResponseDto {
    return toDiaryEntryResponse(e, correctedBy, new Date(new Date(e.recordedAt).getTime() + EDIT_WINDOW_MS));
  }
}

// A spray must state each product's pre-harvest interval explicitly: defaulted values ("10 days" on
// every product) are a known sign of template data, so nothing is filled in for the farmer.
function checkInputs(activity: DiaryActivity, inputs: DiaryInputDto[]): DiaryInput[] {
  const normalised = inputs.map((i) => ({
    name: i.name,
    registrationNo: i.registrationNo ?? null,
    activeIngredient: i.activeIngredient ?? null,
    dose: i.dose,
    doseUnit: i.doseUnit,
    preHarvestIntervalDays: i.preHarvestIntervalDays ?? null,
  }));
  return checkStoredInputs(activity, normalised);
}

function checkStoredInputs(activity: DiaryActivity, inputs: DiaryInput[]): DiaryInput[] {
  if (activity !== DiaryActivity.Spraying) return inputs;
  if (!inputs.length) {
    throw invalidField('inputs', 'Lần phun thuốc cần ghi ít nhất một loại thuốc', 'A spraying entry needs at least one product');
  }
  const missing = inputs.findIndex((i) => i.preHarvestIntervalDays === null);
  if (missing >= 0) {
    throw invalidField(
      `inputs[${missing}].preHarvestIntervalDays`,
      `Cần ghi thời gian cách ly (ngày) của ${inputs[missing].name} theo nhãn thuốc`,
      `Give the pre-harvest interval (days) of ${inputs[missing].name} from its label`,
    );
  }
  return inputs;
}

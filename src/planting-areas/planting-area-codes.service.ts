import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, QueryFailedError, Repository } from 'typeorm';
import { AdminUnitsService } from '../admin-units/admin-units.service';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { invalidField, notFound, validationFailed } from '../common/errors/common.errors';
import { DomainException } from '../common/errors/domain.exception';
import { Page, PageQueryDto } from '../common/pagination/page-query.dto';
import { Role } from '../users/role.enum';
import { assertCodeTransition, CodeStatus, CodeStatusOn, statusOn } from './code-status';
import { isDateOnly } from '../common/time/date-only';
import { todayInVietnam } from '../common/time/vn-date';
import { checkCodeDates, checkEffectiveFrom } from './date-rules';
import type { ChangeCodeStatusDto } from './dto/change-code-status.dto';
import type { CreatePlantingAreaCodeDto } from './dto/create-planting-area-code.dto';
import { PlantingAreaCodeResponseDto, toPlantingAreaCodeResponse } from './dto/planting-area-code-response.dto';
import { PlantingAreaAccess } from './planting-area-access';
import { partsOf, readPlantingAreaCode } from './planting-area-code-format';
import { PlantingAreaCodeStatusEvent } from './planting-area-code-status-event.entity';
import { PlantingAreaCode } from './planting-area-code.entity';
import { PlantingAreaErrorCode } from './planting-area-error-code';
import { codeWarnings } from './planting-area-warnings';
import type { PlantingArea } from './planting-area.entity';

const ENTITY_TYPE = 'planting_area_code';
const UNIQUE_CODE_INDEX = 'uq_planting_area_code_code';

@Injectable()
export class PlantingAreaCodesService {
  constructor(
    @InjectRepository(PlantingAreaCode) private readonly repo: Repository<PlantingAreaCode>,
    @InjectRepository(PlantingAreaCodeStatusEvent) private readonly events: Repository<PlantingAreaCodeStatusEvent>,
    private readonly dataSource: DataSource,
    private readonly access: PlantingAreaAccess,
    private readonly units: AdminUnitsService,
    private readonly audit: AuditService,
  ) {}

  /** A cooperative (or an officer for it) declares a code it holds; it stays pending until verified. */
  async add(actor: AuthUser, plantingAreaId: string, dto: CreatePlantingAreaCodeDto): Promise<PlantingAreaCodeResponseDto> {
    const { area } = await this.access.manageable(actor, plantingAreaId);
    const reading = readPlantingAreaCode(dto.code);
    if (reading.code.length < 3) throw invalidField('code', 'code: mã quá ngắn', 'code: too short');
    const problems = checkCodeDates(dto, todayInVietnam());
    if (problems.length) throw validationFailed(problems);
    let saved: PlantingAreaCode;
    try {
      saved = await this.dataSource.transaction(async (manager) => {
        const code = await manager.save(
          manager.create(PlantingAreaCode, {
            plantingAreaId: area.id,
            cooperativeId: area.cooperativeId,
            code: reading.code,
            style: reading.parsed.style,
            parsed: partsOf(reading.parsed),
            scope: dto.scope,
            issuer: dto.issuer,
            decisionNo: dto.decisionNo ?? null,
            issuedOn: dto.issuedOn,
            validUntil: dto.validUntil ?? null,
            status: CodeStatus.Pending,
          }),
        );
        // Pending from the issue date: a later verification may then date the activation back to any
        // day since issue, and the timeline still only moves forward.
        await this.appendEvent(manager, actor, code, CodeStatus.Pending, dto.issuedOn, 'Mã được khai báo, chờ xác minh');
        await this.audit.record(manager, actor, {
          cooperativeId: code.cooperativeId,
          entityType: ENTITY_TYPE,
          entityId: code.id,
          action: 'created',
          after: { plantingAreaId: area.id, ...auditView(code) },
        });
        return code;
      });
    } catch (error) {
      throw await this.explainDuplicate(error, reading.code, area.cooperativeId);
    }
    return this.toResponse(area, saved, await this.timelineOf([saved.id]));
  }

  async list(actor: AuthUser, plantingAreaId: string, page: PageQueryDto): Promise<Page<PlantingAreaCodeResponseDto>> {
    const { area } = await this.access.visible(actor, plantingAreaId);
    const [rows, total] = await this.repo.findAndCount({
      where: { plantingAreaId: area.id },
      order: { createdAt: 'ASC', id: 'ASC' },
      skip: (page.page - 1) * page.pageSize,
      take: page.pageSize,
    });
    const timeline = await this.timelineOf(rows.map((c) => c.id));
    return { items: rows.map((c) => this.toResponse(area, c, timeline)), page: page.page, pageSize: page.pageSize, total };
  }

  /** Only admins and officers change a code's status: a code is a state decision, not a cooperative's claim. */
  async changeStatus(actor: AuthUser, plantingAreaId: string, codeId: string, dto: ChangeCodeStatusDto): Promise<PlantingAreaCodeResponseDto> {
    const { area } = await this.access.visible(actor, plantingAreaId);
    await this.getOrThrow(area.id, codeId);
    if (actor.role !== Role.Admin && actor.role !== Role.Officer) throw officerOnly(dto.status);
    const today = todayInVietnam();
    const effectiveFrom = dto.effectiveFrom ?? today;
    const code = await this.dataSource.transaction(async (manager) => {
      // Locked so that two officers acting at once see each other's change, not the same old status.
      const locked = await manager.findOneOrFail(PlantingAreaCode, { where: { id: codeId }, lock: { mode: 'pessimistic_write' } });
      assertCodeTransition(locked.code, locked.status, dto.status);
      const latest = await manager.findOne(PlantingAreaCodeStatusEvent, { where: { codeId }, order: { effectiveFrom: 'DESC', id: 'DESC' } });
      const problems = checkEffectiveFrom(effectiveFrom, { issuedOn: locked.issuedOn, currentSince: latest?.effectiveFrom ?? null }, today);
      if (problems.length) throw validationFailed(problems);
      const from = locked.status;
      locked.status = dto.status;
      const row = await manager.save(locked);
      await this.appendEvent(manager, actor, row, dto.status, effectiveFrom, dto.reason);
      await this.audit.record(manager, actor, {
        cooperativeId: row.cooperativeId,
        entityType: ENTITY_TYPE,
        entityId: row.id,
        action: 'status_changed',
        before: { status: from },
        after: { status: dto.status, effectiveFrom },
        reason: dto.reason,
      });
      return row;
    });
    return this.toResponse(area, code, await this.timelineOf([code.id]));
  }

  /**
   * The status of each code of an area on `date`: from the latest timeline event that had taken effect
   * by then, 'expired' past validUntil and 'not_yet_issued' before issuedOn (see statusOn).
   */
  async codesOn(plantingAreaId: string, date: string): Promise<{ id: string; code: string; scope: string; status: CodeStatusOn }[]> {
    if (!isDateOnly(date)) throw invalidField('date', 'date phải là ngày dạng YYYY-MM-DD', 'date must be a YYYY-MM-DD date');
    const rows: { id: string; code: string; scope: string; issuedOn: string; validUntil: string | null; timelineStatus: CodeStatus | null }[] =
      await this.dataSource.query(
        `SELECT c.id, c.code, c.scope, c.issued_on::text AS "issuedOn", c.valid_until::text AS "validUntil",
                (SELECT e.status FROM planting_area_code_status_event e
                  WHERE e.code_id = c.id AND e.effective_from <= $2::date
                  ORDER BY e.effective_from DESC, e.id DESC LIMIT 1) AS "timelineStatus"
           FROM planting_area_code c
          WHERE c.planting_area_id = $1
          ORDER BY c.code`,
        [plantingAreaId, date],
      );
    return rows.map((r) => ({ id: r.id, code: r.code, scope: r.scope, status: statusOn(r, r.timelineStatus, date) }));
  }

  private async getOrThrow(plantingAreaId: string, codeId: string): Promise<PlantingAreaCode> {
    const code = await this.repo.findOneBy({ id: codeId, plantingAreaId });
    if (!code) throw notFound('mã số vùng trồng của vùng trồng này', 'Code of this planting area');
    return code;
  }

  private async appendEvent(manager: EntityManager, actor: AuthUser, code: PlantingAreaCode, status: CodeStatus, effectiveFrom: string, reason: string) {
    await manager.insert(PlantingAreaCodeStatusEvent, { codeId: code.id, status, effectiveFrom, reason, actorId: actor.id, actorRole: actor.role });
  }

  private async timelineOf(codeIds: string[]): Promise<Map<string, PlantingAreaCodeStatusEvent[]>> {
    const byCode = new Map<string, PlantingAreaCodeStatusEvent[]>(codeIds.map((id) => [id, []]));
    if (!codeIds.length) return byCode;
    const events = await this.events.find({ where: { codeId: In(codeIds) }, order: { effectiveFrom: 'ASC', id: 'ASC' } });
    for (const e of events) byCode.get(e.codeId)!.push(e);
    return byCode;
  }

  private toResponse(area: PlantingArea, code: PlantingAreaCode, timelines: Map<string, PlantingAreaCodeStatusEvent[]>): PlantingAreaCodeResponseDto {
    const timeline = timelines.get(code.id) ?? [];
    const today = todayInVietnam();
    const inForce = timeline.filter((e) => e.effectiveFrom <= today).at(-1)?.status ?? null;
    const warnings = codeWarnings(code, today, (oldCommuneCode) => this.communeCheck(oldCommuneCode, area.provinceCode));
    return toPlantingAreaCodeResponse(code, timeline, statusOn(code, inForce, today), warnings);
  }

  // A TCCS 774 code names its pre-2025 commune; that commune should now lie in the area's province.
  private communeCheck(oldCommuneCode: number, provinceCode: number): 'unknown' | 'elsewhere' | 'ok' {
    const rows = this.units.conversionsOf(oldCommuneCode);
    if (!rows.length) return 'unknown';
    const inProvince = new Set(this.units.listCommunes(provinceCode).map((c) => c.code));
    return rows.some((r) => inProvince.has(r.newCode)) ? 'ok' : 'elsewhere';
  }

  // The unique index decides, so two cooperatives claiming one code at the same moment still get one
  // 201 and one 409. The other holder is not named: that would leak another cooperative's data.
  private async explainDuplicate(error: unknown, code: string, cooperativeId: string): Promise<unknown> {
    if (!(error instanceof QueryFailedError) || (error as { constraint?: string }).constraint !== UNIQUE_CODE_INDEX) return error;
    const holder = await this.repo.findOne({ where: { code }, select: { id: true, cooperativeId: true } });
    const own = holder?.cooperativeId === cooperativeId;
    return new DomainException(
      PlantingAreaErrorCode.CODE_TAKEN,
      own
        ? {
            vi: `Mã ${code} đã được khai báo cho một vùng trồng của hợp tác xã này`,
            en: `Code ${code} is already declared for a planting area of this cooperative`,
          }
        : {
            vi: `Mã ${code} đã được một hợp tác xã khác khai báo; nếu mã này là của bạn, hãy liên hệ cán bộ khuyến nông để giải quyết`,
            en: `Code ${code} is already declared by another cooperative; if it is yours, contact your agricultural extension officer`,
          },
      [{ field: 'code', message: { vi: 'Mã đã được khai báo', en: 'Code already declared' } }],
    );
  }
}

function officerOnly(status: CodeStatus): DomainException {
  return new DomainException(
    PlantingAreaErrorCode.CODE_STATUS_OFFICER_ONLY,
    status === CodeStatus.Active
      ? {
          vi:
            'Mã số vùng trồng chỉ có hiệu lực khi quản trị viên hoặc cán bộ khuyến nông phụ trách tỉnh đã đối chiếu với quyết định cấp mã; ' +
            'hợp tác xã không tự kích hoạt được',
          en:
            'A planting-area code becomes active only once an admin or the province officer has checked it against the issuing decision; ' +
            'a cooperative cannot activate it',
        }
      : {
          vi: 'Chỉ quản trị viên hoặc cán bộ khuyến nông phụ trách tỉnh được thay đổi trạng thái mã số vùng trồng',
          en: 'Only an admin or the province officer may change the status of a planting-area code',
        },
  );
}

function auditView(c: PlantingAreaCode): Record<string, unknown> {
  return {
    code: c.code,
    style: c.style,
    parsed: c.parsed,
    scope: c.scope,
    issuer: c.issuer,
    decisionNo: c.decisionNo,
    issuedOn: c.issuedOn,
    validUntil: c.validUntil,
    status: c.status,
  };
}

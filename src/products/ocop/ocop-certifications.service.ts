import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Not, QueryFailedError, Repository } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import type { AuthUser } from '../../auth/auth-user';
import { scopeOwnedRows } from '../../auth/scope';
import { forbidden, notFound, validationFailed } from '../../common/errors/common.errors';
import { DomainException } from '../../common/errors/domain.exception';
import { Page } from '../../common/pagination/page-query.dto';
import { Role } from '../../users/role.enum';
import { ProductErrorCode } from '../product-error-code';
import { ProductsService } from '../products.service';
import type { CreateOcopCertificationDto } from './dto/create-ocop-certification.dto';
import type { ExpiringCertificationsQuery } from './dto/expiring-certifications.query';
import {
  ExpiringOcopCertificationDto,
  OcopCertificationResponseDto,
  toExpiringOcopCertification,
  toOcopCertificationResponse,
} from './dto/ocop-certification-response.dto';
import { OcopReferenceGroupResponseDto, toOcopReferenceGroupResponse } from './dto/ocop-reference-group-response.dto';
import type { RevokeOcopCertificationDto } from './dto/revoke-ocop-certification.dto';
import { OcopCertification } from './ocop-certification.entity';
import { OcopReferenceGroup } from './ocop-reference-group.entity';
import { addDays, todayInVietnam } from '../../common/time/vn-date';
import { dateProblems, groupProblems, levelProblem, RuleProblem, scoreProblem, validUntilOf } from './ocop-rules';

@Injectable()
export class OcopCertificationsService {
  // The reference table only changes through migrations, so one read per process is enough.
  private referenceCache?: Promise<Map<string, OcopReferenceGroup>>;

  constructor(
    @InjectRepository(OcopCertification) private readonly repo: Repository<OcopCertification>,
    @InjectRepository(OcopReferenceGroup) private readonly groupRepo: Repository<OcopReferenceGroup>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly products: ProductsService,
    private readonly audit: AuditService,
  ) {}

  async create(actor: AuthUser, productId: string, dto: CreateOcopCertificationDto): Promise<OcopCertificationResponseDto> {
    const product = await this.products.getManageableOrThrow(actor, productId);
    const today = todayInVietnam();
    const issuedOn = dto.issuedOn ?? dto.decisionDate;
    const refs = await this.references();
    assertRules(dto, issuedOn, today, refs);
    const certification = await this.writeUnique(dto, async (manager) => {
      const saved = await manager.save(
        manager.create(OcopCertification, {
          productId,
          cooperativeId: product.cooperativeId,
          stars: dto.stars,
          score: String(dto.score),
          groupCode: dto.groupCode,
          subgroupCode: dto.subgroupCode ?? null,
          recognisingLevel: dto.recognisingLevel,
          authority: dto.authority,
          decisionNo: dto.decisionNo,
          decisionDate: dto.decisionDate,
          certificateNo: dto.certificateNo ?? null,
          issuedOn,
          validUntil: validUntilOf(issuedOn),
          status: 'valid',
          revokedReason: null,
          revokedAt: null,
        }),
      );
      await this.audit.record(manager, actor, {
        cooperativeId: product.cooperativeId,
        entityType: 'ocop_certification',
        entityId: saved.id,
        action: 'created',
        after: toOcopCertificationResponse(saved, refs, today),
      });
      return saved;
    });
    return toOcopCertificationResponse(certification, refs, today);
  }

  /** Every evaluation of the product, 1–2★ history and revoked ones included, newest first. */
  async listForProduct(actor: AuthUser, productId: string): Promise<OcopCertificationResponseDto[]> {
    await this.products.getVisibleOrThrow(actor, productId);
    const rows = await this.repo.find({ where: { productId }, order: { issuedOn: 'DESC', createdAt: 'DESC' } });
    const refs = await this.references();
    const today = todayInVietnam();
    return rows.map((c) => toOcopCertificationResponse(c, refs, today));
  }

  async revoke(actor: AuthUser, id: string, dto: RevokeOcopCertificationDto): Promise<OcopCertificationResponseDto> {
    const certification = await this.getVisibleOrThrow(actor, id);
    // Revoking is the state's act (the recognising People's Committee or Ministry), recorded by its staff.
    if (actor.role !== Role.Admin && actor.role !== Role.Officer) {
      throw forbidden('Chỉ quản trị viên hoặc cán bộ khuyến nông được thu hồi chứng nhận OCOP', 'Only admins and extension officers may revoke an OCOP certification');
    }
    const refs = await this.references();
    const today = todayInVietnam();
    const revoked = await this.dataSource.transaction(async (manager) => {
      // The status condition makes a second, concurrent revoke find nothing to change.
      const result = await manager.update(
        OcopCertification,
        { id, status: Not('revoked') },
        { status: 'revoked', revokedReason: dto.reason, revokedAt: new Date() },
      );
      if (!result.affected) throw alreadyRevoked(certification);
      const after = await manager.findOneByOrFail(OcopCertification, { id });
      await this.audit.record(manager, actor, {
        cooperativeId: certification.cooperativeId,
        entityType: 'ocop_certification',
        entityId: id,
        action: 'revoked',
        before: toOcopCertificationResponse(certification, refs, today),
        after: toOcopCertificationResponse(after, refs, today),
        reason: dto.reason,
      });
      return after;
    });
    return toOcopCertificationResponse(revoked, refs, today);
  }

  /** Valid 3–5★ certificates whose last day falls within the next `withinDays` days, soonest first. */
  async listExpiring(actor: AuthUser, query: ExpiringCertificationsQuery): Promise<Page<ExpiringOcopCertificationDto>> {
    // Follow-up of certificates is the officers' job; cooperatives see their own dates on each product.
    if (actor.role !== Role.Admin && actor.role !== Role.Officer) throw forbidden();
    const today = todayInVietnam();
    const qb = this.repo
      .createQueryBuilder('oc')
      .innerJoinAndSelect('oc.product', 'p')
      .innerJoinAndSelect('oc.cooperative', 'c');
    const [rows, total] = await scopeOwnedRows(qb, actor, 'oc.cooperative_id')
      .andWhere(`oc.status = 'valid'`)
      .andWhere('oc.stars >= 3')
      .andWhere('oc.valid_until BETWEEN :today AND :until', { today, until: addDays(today, query.withinDays) })
      .orderBy('oc.validUntil', 'ASC')
      .addOrderBy('oc.id', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    const refs = await this.references();
    return { items: rows.map((c) => toExpiringOcopCertification(c, refs, today)), page: query.page, pageSize: query.pageSize, total };
  }

  async referenceGroups(): Promise<OcopReferenceGroupResponseDto[]> {
    return [...(await this.references()).values()].map(toOcopReferenceGroupResponse);
  }

  private async getVisibleOrThrow(actor: AuthUser, id: string): Promise<OcopCertification> {
    const qb = this.repo.createQueryBuilder('oc').where('oc.id = :id', { id });
    const certification = await scopeOwnedRows(qb, actor, 'oc.cooperative_id').getOne();
    if (!certification) throw notFound('chứng nhận OCOP', 'OCOP certification');
    return certification;
  }

  private references(): Promise<Map<string, OcopReferenceGroup>> {
    this.referenceCache ??= this.groupRepo
      .find({ order: { sortOrder: 'ASC' } })
      .then((rows) => new Map(rows.map((r) => [r.code, r])))
      .catch((error: unknown) => {
        this.referenceCache = undefined; // retry on the next request rather than caching a failure
        throw error;
      });
    return this.referenceCache;
  }

  // One transaction for the certification and its audit entry; the same decision twice becomes a 409.
  private async writeUnique<T>(dto: CreateOcopCertificationDto, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.dataSource.transaction(work);
    } catch (error) {
      if (error instanceof QueryFailedError && (error as { constraint?: string }).constraint === 'uq_ocop_certification_decision') {
        throw new DomainException(
          ProductErrorCode.OCOP_DECISION_TAKEN,
          {
            vi: `Quyết định ${dto.decisionNo} ngày ${dto.decisionDate} đã được ghi cho sản phẩm này`,
            en: `Decision ${dto.decisionNo} of ${dto.decisionDate} is already recorded for this product`,
          },
          [{ field: 'decisionNo', message: { vi: 'decisionNo: quyết định này đã được ghi', en: 'decisionNo: this decision is already recorded' } }],
        );
      }
      throw error;
    }
  }
}

// Every broken rule at once, so an officer copying a decision fixes the form in one go.
function assertRules(dto: CreateOcopCertificationDto, issuedOn: string, today: string, refs: Map<string, OcopReferenceGroup>): void {
  const problems = [
    scoreProblem(dto.stars, dto.score),
    levelProblem(dto.stars, dto.recognisingLevel, dto.decisionDate),
    ...dateProblems(dto.decisionDate, issuedOn, today),
    ...groupProblems(refs, dto.groupCode, dto.subgroupCode),
  ].filter((p): p is RuleProblem => p !== null);
  if (problems.length) throw validationFailed(problems.map((p) => ({ field: p.field, message: { vi: p.vi, en: p.en } })));
}

const alreadyRevoked = (c: OcopCertification) =>
  new DomainException(ProductErrorCode.OCOP_ALREADY_REVOKED, {
    vi: `Chứng nhận OCOP theo quyết định ${c.decisionNo} đã bị thu hồi trước đó`,
    en: `The OCOP certification of decision ${c.decisionNo} was already revoked`,
  });

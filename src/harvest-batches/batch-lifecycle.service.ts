import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { canManageCooperative } from '../auth/scope';
import { forbidden, invalidField } from '../common/errors/common.errors';
import { DomainException } from '../common/errors/domain.exception';
import { formatVnDate } from '../common/time/vn-date';
import { CooperativesService } from '../cooperatives/cooperatives.service';
import { FarmingDiaryService } from '../farming-diary/farming-diary.service';
import { phiViolations } from '../farming-diary/phi';
import { Role } from '../users/role.enum';
import { BatchEvents } from './batch-events';
import { assertBatchTransition, BatchStatus, illegalBatchTransition } from './batch-status';
import type { CreatePhiOverrideDto } from './dto/phi-override.dto';
import type { RecallBatchDto } from './dto/reason.dto';
import { HarvestBatchResponseDto } from './dto/harvest-batch-response.dto';
import { HarvestBatchErrorCode } from './harvest-batch-error-code';
import { HarvestBatch } from './harvest-batch.entity';
import { HarvestBatchesService, sealed } from './harvest-batches.service';
import { PhiOverride } from './phi-override.entity';
import { TraceEventsService } from './trace-events/trace-events.service';

// Closing (sealing), PHI overrides and recalls: the moments a batch's facts become final.
@Injectable()
export class BatchLifecycleService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly batches: HarvestBatchesService,
    private readonly cooperatives: CooperativesService,
    private readonly diary: FarmingDiaryService,
    private readonly traceEvents: TraceEventsService,
    private readonly audit: AuditService,
    private readonly events: BatchEvents,
  ) {}

  async close(actor: AuthUser, id: string): Promise<HarvestBatchResponseDto> {
    const batch = await this.manageableOrThrow(actor, id);
    assertBatchTransition(batch.status, BatchStatus.Closed);
    const windows = await this.diary.sprayWindowsOf(batch.plantingAreaId, batch.seasonId);
    const overridden = new Set((await this.db.getRepository(PhiOverride).findBy({ batchId: id })).map((o) => o.diaryEntryId));
    const blocking = phiViolations(windows, batch.harvestDateFrom).filter((w) => !overridden.has(w.entryId));
    if (blocking.length) {
      const first = blocking.reduce((a, b) => (b.earliestHarvest > a.earliestHarvest ? b : a));
      const list = blocking.map((w) => `${w.inputName} (phun ${formatVnDate(w.sprayedOn)}, cách ly ${w.preHarvestIntervalDays} ngày)`).join('; ');
      throw new DomainException(
        HarvestBatchErrorCode.PHI_NOT_ELAPSED,
        {
          vi: `Chưa hết thời gian cách ly vào ngày thu hoạch ${formatVnDate(batch.harvestDateFrom)}: ${list}. Ngày thu hoạch sớm nhất được phép: ${formatVnDate(first.earliestHarvest)}. Quản lý có thể ghi xác nhận ngoại lệ kèm lý do`,
          en: `Pre-harvest interval not elapsed on the harvest date ${batch.harvestDateFrom}: ${blocking.map((w) => `${w.inputName} sprayed ${w.sprayedOn}, PHI ${w.preHarvestIntervalDays} days`).join('; ')}. Earliest allowed harvest: ${first.earliestHarvest}. A manager may record an override with a reason`,
        },
        blocking.map((w) => ({
          field: `diaryEntry:${w.entryId}`,
          message: { vi: `${w.inputName}: sớm nhất ${formatVnDate(w.earliestHarvest)}`, en: `${w.inputName}: earliest ${w.earliestHarvest}` },
        })),
      );
    }
    return this.transition(actor, batch, BatchStatus.Closed, 'closed', { closedAt: new Date(), closedBy: actor.id });
  }

  async addPhiOverride(actor: AuthUser, id: string, dto: CreatePhiOverrideDto): Promise<HarvestBatchResponseDto> {
    const batch = await this.manageableOrThrow(actor, id);
    // The issue says a manager decides: officers advise, they do not vouch for a harvest.
    if (actor.role !== Role.CooperativeManager && actor.role !== Role.Admin) {
      throw forbidden('Chỉ quản lý hợp tác xã ghi được ngoại lệ thời gian cách ly', 'Only a cooperative manager may override a pre-harvest interval');
    }
    if (batch.status !== BatchStatus.Open) throw sealed(batch);
    const windows = await this.diary.sprayWindowsOf(batch.plantingAreaId, batch.seasonId);
    if (!phiViolations(windows, batch.harvestDateFrom).some((w) => w.entryId === dto.diaryEntryId)) {
      throw invalidField('diaryEntryId', 'Mục nhật ký này không phải lần phun còn trong thời gian cách ly của lô', 'This diary entry is not a spray whose interval blocks this batch');
    }
    await this.db.transaction(async (manager) => {
      await manager.upsert(PhiOverride, { batchId: id, diaryEntryId: dto.diaryEntryId, reason: dto.reason, actorId: actor.id }, ['batchId', 'diaryEntryId']);
      await this.audit.record(manager, actor, {
        cooperativeId: batch.cooperativeId,
        entityType: 'harvest_batch',
        entityId: id,
        action: 'phi_override_recorded',
        after: { diaryEntryId: dto.diaryEntryId },
        reason: dto.reason,
      });
    });
    return this.batches.get(actor, id);
  }

  async recall(actor: AuthUser, id: string, dto: RecallBatchDto): Promise<HarvestBatchResponseDto> {
    const batch = await this.manageableOrThrow(actor, id);
    assertBatchTransition(batch.status, BatchStatus.Recalled);
    return this.transition(actor, batch, BatchStatus.Recalled, 'recalled', { recalledAt: new Date(), recallReason: dto.reason }, dto.reason);
  }

  private async transition(
    actor: AuthUser,
    batch: HarvestBatch,
    to: BatchStatus,
    action: string,
    fields: Partial<HarvestBatch>,
    reason?: string,
  ): Promise<HarvestBatchResponseDto> {
    await this.db.transaction(async (manager) => {
      // Conditional update: of two concurrent requests only one moves the batch.
      const result = await manager.update(HarvestBatch, { id: batch.id, status: batch.status }, { status: to, ...fields });
      if (!result.affected) throw illegalBatchTransition(to, to);
      if (to === BatchStatus.Recalled) {
        await this.traceEvents.recordRecall(manager, actor, batch, reason!);
        await this.events.recalled(manager, batch, reason!);
      }
      await this.audit.record(manager, actor, {
        cooperativeId: batch.cooperativeId,
        entityType: 'harvest_batch',
        entityId: batch.id,
        action,
        before: { status: batch.status },
        after: { status: to, ...fields },
        reason,
      });
    });
    return this.batches.get(actor, batch.id);
  }

  private async manageableOrThrow(actor: AuthUser, id: string): Promise<HarvestBatch> {
    const batch = await this.batches.getVisibleOrThrow(actor, id);
    const coop = await this.cooperatives.getVisibleOrThrow(actor, batch.cooperativeId);
    if (!canManageCooperative(actor, coop)) throw forbidden();
    return batch;
  }
}

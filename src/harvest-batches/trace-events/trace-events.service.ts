import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import type { AuthUser } from '../../auth/auth-user';
import { invalidField } from '../../common/errors/common.errors';
import { AuditService } from '../../audit/audit.service';
import { HarvestBatch } from '../harvest-batch.entity';
import type { CreateTraceEventDto } from './dto/create-trace-event.dto';
import { TraceEventResponseDto, toTraceEventResponse } from './dto/trace-event-response.dto';
import { TraceEvent, TraceParty, TraceStep } from './trace-event.entity';

// CBV 2.0 vocabulary for each step we record (domain.md §5.3).
const CBV: Record<TraceStep, { bizStep: string; disposition: string; action: string }> = {
  harvesting: { bizStep: 'commissioning', disposition: 'active', action: 'ADD' },
  packing: { bizStep: 'packing', disposition: 'active', action: 'OBSERVE' },
  storing: { bizStep: 'storing', disposition: 'active', action: 'OBSERVE' },
  shipping: { bizStep: 'shipping', disposition: 'in_transit', action: 'OBSERVE' },
  receiving: { bizStep: 'receiving', disposition: 'in_progress', action: 'OBSERVE' },
  processing: { bizStep: 'commissioning', disposition: 'active', action: 'OBSERVE' },
  recall: { bizStep: 'holding', disposition: 'recalled', action: 'OBSERVE' },
};

@Injectable()
export class TraceEventsService {
  constructor(
    @InjectRepository(TraceEvent) private readonly repo: Repository<TraceEvent>,
    private readonly audit: AuditService,
  ) {}

  /** The first event of every batch: harvest commissions the lot (EPCIS ObjectEvent ADD). */
  async recordHarvest(
    manager: EntityManager,
    actor: AuthUser,
    batch: HarvestBatch,
    where: { productTracingCode: string; locationCode: string; locationName: string },
  ): Promise<void> {
    await manager.save(TraceEvent, {
      ...this.base(batch, TraceStep.Harvesting, actor),
      eventTime: new Date(`${batch.harvestDateFrom}T00:00:00+07:00`),
      productTracingCode: where.productTracingCode,
      locationCode: where.locationCode,
      locationName: where.locationName,
      quantity: batch.quantity,
      unit: batch.unit,
      ilmd: { harvestDate: batch.harvestDateFrom, harvestDateTo: batch.harvestDateTo, plantingAreaCode: where.locationCode },
    });
  }

  async recordRecall(manager: EntityManager, actor: AuthUser, batch: HarvestBatch, reason: string): Promise<void> {
    const harvest = await manager.findOneByOrFail(TraceEvent, { batchId: batch.id, step: TraceStep.Harvesting });
    await manager.save(TraceEvent, {
      ...this.base(batch, TraceStep.Recall, actor),
      eventTime: new Date(),
      productTracingCode: harvest.productTracingCode,
      locationCode: harvest.locationCode,
      locationName: harvest.locationName,
      notes: reason,
    });
  }

  /** Packing, storing, shipping, receiving, processing recorded by people (one step back / forward). */
  async record(actor: AuthUser, batch: HarvestBatch, dto: CreateTraceEventDto): Promise<TraceEventResponseDto> {
    if (dto.step === TraceStep.Shipping && !dto.destinationParty) {
      throw invalidField('destinationParty', 'Xuất hàng cần ghi bên nhận (một bước sau)', 'Shipping needs the receiving party (one step forward)');
    }
    if (dto.step === TraceStep.Receiving && !dto.sourceParty) {
      throw invalidField('sourceParty', 'Nhận hàng cần ghi bên giao (một bước trước)', 'Receiving needs the sending party (one step back)');
    }
    if (new Date(dto.eventTime).getTime() > Date.now() + 5 * 60_000) {
      throw invalidField('eventTime', 'Thời điểm sự kiện không được ở tương lai', 'eventTime cannot be in the future');
    }
    return this.repo.manager.transaction(async (manager) => {
      const harvest = await manager.findOneByOrFail(TraceEvent, { batchId: batch.id, step: TraceStep.Harvesting });
      if (dto.correctsEventId && !(await manager.existsBy(TraceEvent, { id: dto.correctsEventId, batchId: batch.id }))) {
        throw invalidField('correctsEventId', 'Sự kiện cần đính chính không thuộc lô này', 'The corrected event is not of this batch');
      }
      const event = manager.create(TraceEvent, {
        ...this.base(batch, dto.step, actor),
        eventTime: new Date(dto.eventTime),
        productTracingCode: harvest.productTracingCode,
        locationCode: dto.locationCode,
        locationName: dto.locationName ?? null,
        sourceParty: party(dto.sourceParty),
        destinationParty: party(dto.destinationParty),
        // null (let through by IsOptional) means no quantity, like leaving it out.
        quantity: dto.quantity != null ? String(dto.quantity) : null,
        unit: dto.unit ?? null,
        documentNo: dto.documentNo ?? null,
        notes: dto.notes ?? null,
        correctsEventId: dto.correctsEventId ?? null,
      });
      const saved = await manager.save(TraceEvent, event);
      await this.audit.record(manager, actor, { cooperativeId: batch.cooperativeId, entityType: 'harvest_batch', entityId: batch.id, action: `trace_${dto.step}`, after: saved });
      return toTraceEventResponse(saved);
    });
  }

  async listFor(batchId: string): Promise<TraceEventResponseDto[]> {
    const events = await this.repo.find({ where: { batchId }, order: { eventTime: 'ASC', recordTime: 'ASC' } });
    return events.map(toTraceEventResponse);
  }

  private base(batch: HarvestBatch, step: TraceStep, actor: AuthUser) {
    return {
      cooperativeId: batch.cooperativeId,
      batchId: batch.id,
      step,
      eventType: 'ObjectEvent',
      ...CBV[step],
      eventTimeZoneOffset: '+07:00',
      actorId: actor.id,
    };
  }
}

function party(dto: { name: string; gln?: string; locationCode?: string } | undefined): TraceParty | null {
  return dto ? { name: dto.name, gln: dto.gln ?? null, locationCode: dto.locationCode ?? null } : null;
}

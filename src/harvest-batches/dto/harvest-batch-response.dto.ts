import { BatchStatus } from '../batch-status';
import type { BatchFlag, HarvestBatch } from '../harvest-batch.entity';
import type { PhiOverride } from '../phi-override.entity';
import { UNIT_VI } from '../units';

export class PhiOverrideResponseDto {
  diaryEntryId!: string;
  reason!: string;
  actorId!: string;
  createdAt!: Date;
}

export class HarvestBatchResponseDto {
  id!: string;
  cooperativeId!: string;
  productId!: string;
  plantingAreaId!: string;
  seasonId!: string;
  lotCode!: string;
  harvestDateFrom!: string;
  harvestDateTo!: string | null;
  quantity!: number;
  unit!: string;
  /** The unit as people say it: kg, tấn, cái… */
  unitName!: string;
  packDate!: string | null;
  expiryDate!: string | null;
  status!: BatchStatus;
  /** Warnings an officer should look at, e.g. over_expected_yield. */
  flags!: BatchFlag[];
  notes!: string | null;
  closedAt!: Date | null;
  recalledAt!: Date | null;
  recallReason!: string | null;
  correctsBatchId!: string | null;
  supersededByBatchId!: string | null;
  /** Sprays whose pre-harvest interval was overridden by a manager, with the reason. */
  phiOverrides!: PhiOverrideResponseDto[];
  /** Product tracing code of the lot (GS1 Digital Link when the product has a GTIN). */
  productTracingCode!: string;
  createdAt!: Date;
  updatedAt!: Date;
}

export function toHarvestBatchResponse(b: HarvestBatch, overrides: PhiOverride[], productTracingCode: string): HarvestBatchResponseDto {
  return {
    id: b.id,
    cooperativeId: b.cooperativeId,
    productId: b.productId,
    plantingAreaId: b.plantingAreaId,
    seasonId: b.seasonId,
    lotCode: b.lotCode,
    harvestDateFrom: b.harvestDateFrom,
    harvestDateTo: b.harvestDateTo,
    quantity: Number(b.quantity),
    unit: b.unit,
    unitName: UNIT_VI[b.unit] ?? b.unit,
    packDate: b.packDate,
    expiryDate: b.expiryDate,
    status: b.status,
    flags: b.flags,
    notes: b.notes,
    closedAt: b.closedAt,
    recalledAt: b.recalledAt,
    recallReason: b.recallReason,
    correctsBatchId: b.correctsBatchId,
    supersededByBatchId: b.supersededByBatchId,
    phiOverrides: overrides.map((o) => ({ diaryEntryId: o.diaryEntryId, reason: o.reason, actorId: o.actorId, createdAt: o.createdAt })),
    productTracingCode,
    createdAt: b.createdAt,
    updatedAt: b.updatedAt,
  };
}

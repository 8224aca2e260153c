import type { CodeStatus, CodeStatusOn } from '../code-status';
import type { CodeStyle } from '../planting-area-kinds';
import type { ParsedCodeParts } from '../planting-area-code-format';
import type { PlantingAreaCodeStatusEvent } from '../planting-area-code-status-event.entity';
import type { PlantingAreaCode } from '../planting-area-code.entity';
import type { WarningDto } from './warning.dto';

export class CodeStatusEventDto {
  status!: CodeStatus;
  effectiveFrom!: string;
  reason!: string;
  actorId!: string | null;
  actorRole!: string | null;
  recordedAt!: Date;
}

export class PlantingAreaCodeResponseDto {
  id!: string;
  plantingAreaId!: string;
  cooperativeId!: string;
  code!: string;
  /** tccs774, export_orchard, export_packing_house or unknown. */
  style!: CodeStyle;
  /** Parts of a recognised code, e.g. {province: "DT", sequence: "0017"}; null when unknown. */
  parsed!: ParsedCodeParts | null;
  scope!: string;
  issuer!: string;
  decisionNo!: string | null;
  issuedOn!: string;
  validUntil!: string | null;
  /** Status of the latest timeline event. */
  status!: CodeStatus;
  /** Status today in Vietnam, counting validUntil (e.g. active but past validUntil → expired). */
  statusToday!: CodeStatusOn;
  /** Every status change, oldest first. */
  timeline!: CodeStatusEventDto[];
  warnings!: WarningDto[];
  createdAt!: Date;
  updatedAt!: Date;
}

export const toCodeStatusEvent = (e: PlantingAreaCodeStatusEvent): CodeStatusEventDto => ({
  status: e.status,
  effectiveFrom: e.effectiveFrom,
  reason: e.reason,
  actorId: e.actorId,
  actorRole: e.actorRole,
  recordedAt: e.recordedAt,
});

export function toPlantingAreaCodeResponse(
  c: PlantingAreaCode,
  timeline: PlantingAreaCodeStatusEvent[],
  statusToday: CodeStatusOn,
  warnings: WarningDto[],
): PlantingAreaCodeResponseDto {
  return {
    id: c.id,
    plantingAreaId: c.plantingAreaId,
    cooperativeId: c.cooperativeId,
    code: c.code,
    style: c.style,
    parsed: c.parsed,
    scope: c.scope,
    issuer: c.issuer,
    decisionNo: c.decisionNo,
    issuedOn: c.issuedOn,
    validUntil: c.validUntil,
    status: c.status,
    statusToday,
    timeline: timeline.map(toCodeStatusEvent),
    warnings,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

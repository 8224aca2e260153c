import type { AddressView } from '../../admin-units/address';
import type { Boundary } from '../boundary-geometry';
import type { CropType, PlantingStandard } from '../planting-area-kinds';
import type { PlantingArea } from '../planting-area.entity';
import type { WarningDto } from './warning.dto';

export class PlantingAreaResponseDto {
  id!: string;
  cooperativeId!: string;
  name!: string;
  crop!: string;
  variety!: string | null;
  cropType!: CropType | null;
  declaredAreaHa!: number;
  /** Area of the boundary on the sphere (ha), null without a boundary. */
  computedAreaHa!: number | null;
  householdCount!: number;
  address!: AddressView;
  boundary!: Boundary | null;
  standard!: PlantingStandard;
  /** Plausibility warnings (area mismatch beyond ±20 %, below the minimum size for the crop type). */
  warnings!: WarningDto[];
  createdAt!: Date;
  updatedAt!: Date;
}

// numeric columns arrive as strings (exact decimals); the API speaks JSON numbers.
export const toNumber = (value: string | number | null): number | null => (value === null ? null : Number(value));

export function toPlantingAreaResponse(a: PlantingArea, address: AddressView, warnings: WarningDto[]): PlantingAreaResponseDto {
  return {
    id: a.id,
    cooperativeId: a.cooperativeId,
    name: a.name,
    crop: a.crop,
    variety: a.variety,
    cropType: a.cropType,
    declaredAreaHa: Number(a.declaredAreaHa),
    computedAreaHa: toNumber(a.computedAreaHa),
    householdCount: a.householdCount,
    address,
    boundary: a.boundary,
    standard: a.standard,
    warnings,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
}

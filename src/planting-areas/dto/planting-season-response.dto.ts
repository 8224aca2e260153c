import type { PlantingSeason } from '../planting-season.entity';
import { toNumber } from './planting-area-response.dto';

export class PlantingSeasonResponseDto {
  id!: string;
  plantingAreaId!: string;
  name!: string;
  startDate!: string;
  expectedHarvestFrom!: string;
  expectedHarvestTo!: string;
  expectedYieldKg!: number;
  targetMarket!: string;
  actualYieldKg!: number | null;
  /** When the actual yield was recorded: the season is over. */
  closedAt!: Date | null;
  createdAt!: Date;
  updatedAt!: Date;
}

export const toPlantingSeasonResponse = (s: PlantingSeason): PlantingSeasonResponseDto => ({
  id: s.id,
  plantingAreaId: s.plantingAreaId,
  name: s.name,
  startDate: s.startDate,
  expectedHarvestFrom: s.expectedHarvestFrom,
  expectedHarvestTo: s.expectedHarvestTo,
  expectedYieldKg: Number(s.expectedYieldKg),
  targetMarket: s.targetMarket,
  actualYieldKg: toNumber(s.actualYieldKg),
  closedAt: s.closedAt,
  createdAt: s.createdAt,
  updatedAt: s.updatedAt,
});

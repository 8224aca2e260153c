import { addDays, vietnamDateOf } from '../common/time/vn-date';
import { DiaryActivity } from './diary-activity';
import type { FarmingDiaryEntry } from './farming-diary-entry.entity';

/** A spray whose pre-harvest interval constrains when the crop may be harvested. */
export interface SprayWindow {
  entryId: string;
  sprayedOn: string;
  inputName: string;
  preHarvestIntervalDays: number;
  /** First date a harvest is allowed: sprayedOn + PHI. */
  earliestHarvest: string;
}

/** Sprays of a season that still count (corrected entries are replaced by their corrections). */
export function sprayWindows(entries: FarmingDiaryEntry[]): SprayWindow[] {
  const corrected = new Set(entries.map((e) => e.correctsEntryId).filter(Boolean));
  return entries
    .filter((e) => e.activity === DiaryActivity.Spraying && !corrected.has(e.id))
    .flatMap((e) =>
      e.inputs
        .filter((i) => i.preHarvestIntervalDays !== null && i.preHarvestIntervalDays !== undefined)
        .map((i) => {
          const sprayedOn = vietnamDateOf(new Date(e.occurredAt));
          return {
            entryId: e.id,
            sprayedOn,
            inputName: i.name,
            preHarvestIntervalDays: i.preHarvestIntervalDays!,
            earliestHarvest: addDays(sprayedOn, i.preHarvestIntervalDays!),
          };
        }),
    );
}

/** Sprays whose interval had not passed on the harvest date (sprays after the harvest do not count). */
export function phiViolations(windows: SprayWindow[], harvestDate: string): SprayWindow[] {
  return windows.filter((w) => w.sprayedOn <= harvestDate && w.earliestHarvest > harvestDate);
}

import { Foundation1763800000000 } from './1763800000000-Foundation';
import { Audit1763800000100 } from './1763800000100-Audit';
import { PlantingAreas1763800000200 } from './1763800000200-PlantingAreas';
import { Products1763800000300 } from './1763800000300-Products';
import { HarvestBatches1763800000400 } from './1763800000400-HarvestBatches';
import { Certifications1763800000500 } from './1763800000500-Certifications';
import { Stamps1763800000600 } from './1763800000600-Stamps';
import { Marketplaces1763800000700 } from './1763800000700-Marketplaces';
import { ScanRetention1763800000800 } from './1763800000800-ScanRetention';
import { PublicRateWindow1763800000900 } from './1763800000900-PublicRateWindow';
import { PinAttempts1763801000000 } from './1763801000000-PinAttempts';

// Every migration in order. Add each new file here (generated ones too): an explicit list runs the
// same under the compiled app, the CLI and the tests.
export const MIGRATIONS = [
  Foundation1763800000000,
  Audit1763800000100,
  PlantingAreas1763800000200,
  Products1763800000300,
  HarvestBatches1763800000400,
  Certifications1763800000500,
  Stamps1763800000600,
  Marketplaces1763800000700,
  ScanRetention1763800000800,
  PublicRateWindow1763800000900,
  PinAttempts1763801000000,
];

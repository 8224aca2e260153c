import type { MigrationInterface, QueryRunner } from 'typeorm';

export class HarvestBatches1763800000400 implements MigrationInterface {
  name = 'HarvestBatches1763800000400';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}

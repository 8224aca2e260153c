import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PlantingAreas1763800000200 implements MigrationInterface {
  name = 'PlantingAreas1763800000200';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Products1763800000300 implements MigrationInterface {
  name = 'Products1763800000300';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}

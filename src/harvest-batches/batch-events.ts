import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { HarvestBatch } from './harvest-batch.entity';

export type RecallHandler = (manager: EntityManager, batch: HarvestBatch, reason: string) => Promise<void>;

// Lets modules that depend on batches (stamps, marketplace listings) act inside the recall's own
// transaction, without harvest-batches depending on them.
@Injectable()
export class BatchEvents {
  private readonly recallHandlers: RecallHandler[] = [];

  onRecall(handler: RecallHandler): void {
    this.recallHandlers.push(handler);
  }

  async recalled(manager: EntityManager, batch: HarvestBatch, reason: string): Promise<void> {
    for (const handler of this.recallHandlers) await handler(manager, batch, reason);
  }
}

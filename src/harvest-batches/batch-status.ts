import { DomainException } from '../common/errors/domain.exception';
import { HarvestBatchErrorCode } from './harvest-batch-error-code';

export enum BatchStatus {
  Open = 'open',
  Closed = 'closed',
  Recalled = 'recalled',
}

export const BATCH_STATUS_VI: Record<BatchStatus, string> = { open: 'đang mở', closed: 'đã niêm phong', recalled: 'đã thu hồi' };

// The only moves a batch can make. Closed batches are sealed; a recall is final.
const TRANSITIONS: Record<BatchStatus, BatchStatus[]> = {
  open: [BatchStatus.Closed, BatchStatus.Recalled],
  closed: [BatchStatus.Recalled],
  recalled: [],
};

export function assertBatchTransition(from: BatchStatus, to: BatchStatus): void {
  if (!TRANSITIONS[from].includes(to)) throw illegalBatchTransition(from, to);
}

export function illegalBatchTransition(from: BatchStatus, to: BatchStatus): DomainException {
  return new DomainException(HarvestBatchErrorCode.ILLEGAL_TRANSITION, {
    vi: `Không thể chuyển lô từ trạng thái "${BATCH_STATUS_VI[from]}" sang "${BATCH_STATUS_VI[to]}"`,
    en: `A batch cannot go from ${from} to ${to}`,
  });
}

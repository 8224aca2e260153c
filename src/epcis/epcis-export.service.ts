import { Inject, Injectable, Optional } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user';
import { CooperativesService } from '../cooperatives/cooperatives.service';
import { HarvestBatchesService } from '../harvest-batches/harvest-batches.service';
import { TraceEventsService } from '../harvest-batches/trace-events/trace-events.service';
import { ProductsService } from '../products/products.service';
import { toEpcisDocument } from './epcis-document.mapper';
import { exportFileName } from './epcis-identifiers';
import type { EpcisDocument } from './epcis.types';
import { STAMP_COMMISSIONING_SOURCE, StampCommissioningSource } from './stamp-commissioning.source';

export interface EpcisExport {
  document: EpcisDocument;
  /** For Content-Disposition when the client asks for a download. */
  fileName: string;
}

// Read-only: gathers a batch's history from the modules that own it and hands it to the pure mapper.
@Injectable()
export class EpcisExportService {
  constructor(
    private readonly batches: HarvestBatchesService,
    private readonly traceEvents: TraceEventsService,
    private readonly products: ProductsService,
    private readonly cooperatives: CooperativesService,
    // Optional so the export works before (and without) the stamps feature; see StampCommissioningSource.
    @Optional() @Inject(STAMP_COMMISSIONING_SOURCE) private readonly stampSource?: StampCommissioningSource,
  ) {}

  /** The batch as an EPCIS 2.0 document, for anyone who may see the batch (404 otherwise). */
  async export(actor: AuthUser, batchId: string): Promise<EpcisExport> {
    const batch = await this.batches.getVisibleOrThrow(actor, batchId);
    const [events, gtins, cooperative, stampCommissioning] = await Promise.all([
      this.traceEvents.listFor(batch.id),
      this.products.gtinsOf([batch.productId]),
      this.cooperatives.getVisibleOrThrow(actor, batch.cooperativeId),
      this.stampSource?.commissioningFor(batch.id) ?? [],
    ]);
    const document = toEpcisDocument({
      now: new Date(),
      batch,
      gtin: gtins.get(batch.productId) ?? null,
      cooperativeGln: cooperative.gln,
      events,
      stampCommissioning,
    });
    return { document, fileName: exportFileName(batch.lotCode) };
  }
}

import type { AuthUser } from '../auth/auth-user';
import { notFound } from '../common/errors/common.errors';
import type { CooperativesService } from '../cooperatives/cooperatives.service';
import type { HarvestBatchesService } from '../harvest-batches/harvest-batches.service';
import type { TraceEventsService } from '../harvest-batches/trace-events/trace-events.service';
import type { ProductsService } from '../products/products.service';
import { Role } from '../users/role.enum';
import { EpcisExportService } from './epcis-export.service';
import type { StampCommissioningSource } from './stamp-commissioning.source';

const actor: AuthUser = { id: 'u1', role: Role.CooperativeManager, cooperativeId: 'c1', provinceCodes: [] };
const batch = { id: 'b1', cooperativeId: 'c1', productId: 'p1', lotCode: 'L/1', expiryDate: null };

function setup(stampSource?: StampCommissioningSource) {
  const mocks = {
    batches: { getVisibleOrThrow: jest.fn().mockResolvedValue(batch) },
    traceEvents: { listFor: jest.fn().mockResolvedValue([]) },
    products: { gtinsOf: jest.fn().mockResolvedValue(new Map([['p1', '08934588012228']])) },
    cooperatives: { getVisibleOrThrow: jest.fn().mockResolvedValue({ id: 'c1', gln: null }) },
  };
  const sut = new EpcisExportService(
    mocks.batches as unknown as HarvestBatchesService,
    mocks.traceEvents as unknown as TraceEventsService,
    mocks.products as unknown as ProductsService,
    mocks.cooperatives as unknown as CooperativesService,
    stampSource,
  );
  return { sut, mocks };
}

describe('EpcisExportService', () => {
  it('exports what the actor can see, without stamp events when nobody provides them', async () => {
    const { sut, mocks } = setup();
    const result = await sut.export(actor, 'b1');
    expect(mocks.batches.getVisibleOrThrow).toHaveBeenCalledWith(actor, 'b1');
    expect(mocks.cooperatives.getVisibleOrThrow).toHaveBeenCalledWith(actor, 'c1');
    expect(result.fileName).toBe('epcis-L_1.jsonld');
    expect(result.document.epcisBody.eventList).toEqual([]);
  });

  it('asks the stamp source for the batch and exports its serials', async () => {
    const source = { commissioningFor: jest.fn().mockResolvedValue([{ eventTime: new Date(), serials: ['S1', 'S2'], issuanceId: 'i1' }]) };
    const { sut } = setup(source);
    const [event] = (await sut.export(actor, 'b1')).document.epcisBody.eventList;
    expect(source.commissioningFor).toHaveBeenCalledWith('b1');
    expect(event.epcList).toEqual(['https://id.gs1.org/01/08934588012228/21/S1', 'https://id.gs1.org/01/08934588012228/21/S2']);
  });

  it('reads nothing else for a batch the actor cannot see', async () => {
    const source = { commissioningFor: jest.fn() };
    const { sut, mocks } = setup(source);
    mocks.batches.getVisibleOrThrow.mockRejectedValue(notFound('lô thu hoạch', 'Harvest batch'));
    await expect(sut.export(actor, 'b1')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(mocks.traceEvents.listFor).not.toHaveBeenCalled();
    expect(source.commissioningFor).not.toHaveBeenCalled();
  });
});

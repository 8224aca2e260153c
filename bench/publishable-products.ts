import { randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { addDays, todayInVietnam } from '../src/common/time/vn-date';
import { gs1CheckDigit } from '../src/common/validation/gs1-check-digit';

// A 1×1 PNG is enough: the image pipeline only needs a decodable file.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGNgYPgPAAEDAQAIicLsAAAAAElFTkSuQmCC', 'base64');
const daysAgo = (n: number) => addDays(todayInVietnam(), -n);

export interface PublishableSetup {
  /** Cooperatives, each with a Postmart account on the sandbox account `${prefix}-${a}`. */
  accounts: number;
  products: number;
  /** Base URL of the sandbox marketplace (its /postmart API). */
  sandboxUrl: string;
  /** Tells runs apart: sandbox usernames, names, GTINs and planting-area codes derive from it. */
  prefix: string;
  /** First 3 digits of the GTINs and the first planting-area code number (unique per database). */
  gtinPrefix: string;
  codeBase: number;
  concurrency: number;
}

export async function runInPool(n: number, concurrency: number, work: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(n, concurrency) }, async () => {
    while (next < n) await work(next++);
  }));
}

/**
 * Through the API, as an admin: cooperatives with a Postmart account each, one planting area with an
 * active code and a season, and products ready for a marketplace (GTIN, image, closed batch),
 * round-robin over the cooperatives so a bulk interleaves the accounts. Returns the product ids.
 */
export async function seedPublishableProducts(app: NestFastifyApplication, token: string, s: PublishableSetup): Promise<string[]> {
  const auth = { authorization: `Bearer ${token}` };
  const http = () => request(app.getHttpServer());
  const ok = async (req: request.Test, what: string) => {
    const res = await req;
    if (res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string };
  };
  const gtin = (i: number) => {
    const body = `${s.gtinPrefix}${String(100_000_000 + i).padStart(9, '0')}`;
    return `${body}${gs1CheckDigit(body)}`;
  };
  const coops: { id: string; areaId: string; seasonId: string }[] = [];
  for (let a = 0; a < s.accounts; a++) {
    const coop = await ok(http().post('/cooperatives').set(auth).send({ name: `HTX ${s.prefix} ${a}`, address: { communeCode: 11065 } }), 'cooperative');
    await ok(
      http().post(`/cooperatives/${coop.id}/marketplace-accounts`).set(auth).send({
        marketplace: 'postmart',
        mode: 'partner_api',
        credentials: { baseUrl: `${s.sandboxUrl}/postmart`, username: `${s.prefix}-${a}`, password: `${s.prefix}-password`, customerCode: `C${a}` },
      }),
      'account',
    );
    const area = await ok(
      http().post(`/cooperatives/${coop.id}/planting-areas`).set(auth).send({ name: `Cánh đồng ${a}`, crop: 'Bắp cải', declaredAreaHa: 2.5, householdCount: 12, address: { communeCode: 11065 }, standard: 'VietGAP' }),
      'area',
    );
    const season = await ok(
      http().post(`/planting-areas/${area.id}/seasons`).set(auth).send({ name: 'Vụ đông', startDate: daysAgo(120), expectedHarvestFrom: daysAgo(30), expectedHarvestTo: addDays(todayInVietnam(), 30), expectedYieldKg: 1000, targetMarket: 'Nội địa' }),
      'season',
    );
    const code = await ok(http().post(`/planting-areas/${area.id}/codes`).set(auth).send({ code: `VN-HPOR-${s.codeBase + a}`, scope: 'domestic', issuer: 'Chi cục TT&BVTV Hải Phòng', issuedOn: daysAgo(365) }), 'code');
    await ok(http().post(`/planting-areas/${area.id}/codes/${code.id}/status`).set(auth).send({ status: 'active', reason: 'Đã kiểm tra', effectiveFrom: daysAgo(365) }), 'activate code');
    coops.push({ id: coop.id, areaId: area.id, seasonId: season.id });
  }
  const productIds: string[] = new Array(s.products);
  await runInPool(s.products, s.concurrency, async (i) => {
    const c = coops[i % s.accounts];
    const product = await ok(
      http().post(`/cooperatives/${c.id}/products`).set(auth).send({ nameVi: `Bắp cải ${s.prefix} ${i}`, category: 'Rau củ', unitOfSale: 'túi', netContent: 1, netContentUnit: 'KGM', gtin: gtin(i) }),
      'product',
    );
    await ok(http().post(`/products/${product.id}/images`).set(auth).attach('file', PNG, 'p.png'), 'image');
    const batch = await ok(
      http().post('/batches').set(auth).send({ productId: product.id, plantingAreaId: c.areaId, seasonId: c.seasonId, lotCode: `L-${randomBytes(4).toString('hex')}`, harvestDateFrom: daysAgo(2), quantity: 500, unit: 'KGM' }),
      'batch',
    );
    await ok(http().post(`/batches/${batch.id}/close`).set(auth), 'close');
    productIds[i] = product.id;
  });
  return productIds;
}

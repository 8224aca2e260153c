import { randomBytes } from 'node:crypto';
import type { Test } from 'supertest';
import { tinyPng } from '../utils/images';
import { addActiveCode, daysAgo, makeArea, makeSeason } from '../utils/registry';
import { bearer, TestApp } from '../utils/test-app';
import { newGtin } from './listings-kit';

// Many publishable products for the bulk crash test, built through the same HTTP API as
// makeClosedBatch (so every rule of the registry applies), but sharing one planting area, season and
// active code: that is 4 requests per product instead of 8, run a few at a time.

const ok = async (req: Test, what: string) => {
  const res = await req;
  if (res.status >= 300) throw new Error(`${what} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string } & Record<string, unknown>;
};

/** Runs `work` for 0..n-1 with at most `concurrency` in flight; results in index order. */
export async function pool<T>(n: number, concurrency: number, work: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(n);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, concurrency) }, async () => {
      while (next < n) {
        const i = next++;
        results[i] = await work(i);
      }
    }),
  );
  return results;
}

/**
 * `count` products of one cooperative, each with a GTIN, one image and one closed batch (harvested two
 * days ago) from a shared area with an active code: what ListingDraftBuilder needs to publish.
 */
/** Coop A's Postmart account on the sandbox account "pm-vu-ban" (see sandbox-accounts). */
export async function connectSandboxPostmart(t: TestApp, cooperativeId: string, managerToken: string, sandboxUrl: string): Promise<{ id: string }> {
  const res = await t.http().post(`/cooperatives/${cooperativeId}/marketplace-accounts`).set(bearer(managerToken)).send({
    marketplace: 'postmart',
    mode: 'partner_api',
    credentials: { baseUrl: `${sandboxUrl}/postmart`, username: 'htx-vu-ban', password: 'mat-khau-pm', customerCode: 'C0042' },
  });
  if (res.status !== 201) throw new Error(`marketplace account: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string };
}

export async function makePublishableProducts(
  t: TestApp,
  tokens: { admin: string; manager: string },
  cooperativeId: string,
  count: number,
  concurrency = 8,
): Promise<{ id: string; gtin: string }[]> {
  const http = () => t.http();
  const area = await makeArea(t, tokens.manager, cooperativeId);
  const season = await makeSeason(t, tokens.manager, area.id);
  await addActiveCode(t, tokens.admin, area.id);
  const image = tinyPng();
  return pool(count, concurrency, async (i) => {
    const gtin = newGtin();
    const product = await ok(
      http().post(`/cooperatives/${cooperativeId}/products`).set(bearer(tokens.manager)).send({
        nameVi: `Bắp cải VietGAP ${i + 1}`,
        category: 'Rau củ',
        unitOfSale: 'túi',
        netContent: 1,
        netContentUnit: 'KGM',
        gtin,
      }),
      'create product',
    );
    await ok(http().post(`/products/${product.id}/images`).set(bearer(tokens.manager)).attach('file', image, 'photo.png'), 'add image');
    const batch = await ok(
      http().post('/batches').set(bearer(tokens.manager)).send({
        productId: product.id,
        plantingAreaId: area.id,
        seasonId: season.id,
        lotCode: `L-${randomBytes(4).toString('hex')}`,
        harvestDateFrom: daysAgo(2),
        quantity: 500,
        unit: 'KGM',
      }),
      'create batch',
    );
    await ok(http().post(`/batches/${batch.id}/close`).set(bearer(tokens.manager)), 'close batch');
    return { id: product.id, gtin };
  });
}

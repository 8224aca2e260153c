import type { ListingDraft, MarketplaceAdapter, MarketplaceCredentials } from '../../src/marketplaces/marketplace-adapter';

// Shared by the sandbox suites and the adapters' unit specs.

let skuCounter = 0;

/** A complete, valid draft (a Vũ Bản pomelo); each call gets a fresh seller SKU unless overridden. */
export function listingDraft(overrides: Partial<ListingDraft> = {}): ListingDraft {
  skuCounter += 1;
  return {
    sellerSku: `HTXVB-BUOI-${String(skuCounter).padStart(4, '0')}`,
    title: 'Bưởi Diễn Vũ Bản',
    descriptionText: 'Bưởi Diễn trồng trên đất phù sa ven sông Hồng, vỏ mỏng, múi ngọt thanh, thu hoạch đúng vụ.',
    categoryName: 'Trái cây tươi',
    priceVnd: 65_000,
    stock: 300,
    saleUnit: 'quả 1,2 kg',
    weightGrams: 1_300,
    imageUrls: ['https://nguon.example.vn/media/buoi-dien-1.jpg', 'https://nguon.example.vn/media/buoi-dien-2.jpg'],
    traceabilityUrl: 'https://nguon.example.vn/o/VB-2026-0001',
    cooperativeName: 'HTX Vũ Bản',
    provinceName: 'Ninh Bình',
    ocopStars: 4,
    certifications: ['VietGAP'],
    ...overrides,
  };
}

export interface SandboxAdmin {
  post(path: string, body?: unknown): Promise<{ status: number; body: unknown }>;
  patch(path: string, body: unknown): Promise<{ status: number; body: unknown }>;
  get<T = unknown>(path: string): Promise<T>;
  fault(rule: Record<string, unknown>): Promise<{ id: string }>;
  requests(query?: string): Promise<RequestLogRow[]>;
}

export interface RequestLogRow {
  seq: number;
  method: string;
  path: string;
  marketplace: string;
  route: string;
  account: string | null;
  bodyHash: string | null;
  at: string;
  atMs: number;
  status: number | null;
  faultId: string | null;
}

/** The sandbox's /__admin API over real HTTP, as an external test harness would use it. */
export function sandboxAdmin(url: string): SandboxAdmin {
  const send = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${url}/__admin${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: await res.json() };
  };
  return {
    post: (path, body) => send('POST', path, body ?? {}),
    patch: (path, body) => send('PATCH', path, body),
    get: async <T>(path: string) => (await send('GET', path)).body as T,
    fault: async (rule) => {
      const res = await send('POST', '/faults', rule);
      if (res.status !== 201) throw new Error(`fault rule refused: ${JSON.stringify(res.body)}`);
      return res.body as { id: string };
    },
    requests: async (query = '') => ((await send('GET', `/requests${query}`)).body as { requests: RequestLogRow[] }).requests,
  };
}

export interface AdapterCase {
  name: string;
  make(timeoutMs?: number): MarketplaceAdapter;
  accountId: string;
  credentials(sandboxUrl: string): MarketplaceCredentials;
  /** How a field is named on this marketplace's wire, for fault rules. */
  wireField: { categoryName: string; price: string };
}

import { Inject, Injectable, Optional } from '@nestjs/common';
import { PartnerApiAdapter } from '../../common/partner-api.adapter';
import { DEFAULT_MARKETPLACE_HTTP_OPTIONS, MARKETPLACE_HTTP_OPTIONS, MarketplaceHttpOptions } from '../../marketplace-http-options';
import { VosoClient } from './voso.client';
import { fromVosoProduct, parseVosoListingUrl, VOSO_ASSISTED_COLUMNS, VOSO_ASSISTED_GUIDE, toDraftFieldErrors, toVosoPayload } from './voso.mapper';
import { VOSO_MAX_BATCH_ITEMS, VOSO_TITLE_MAX, type VosoProduct, type VosoProductPayload } from './voso.types';

/** Voso (Viettel Post). Partner API per our proposed contract; assisted spreadsheet until one exists. */
@Injectable()
export class VosoAdapter extends PartnerApiAdapter<VosoProduct, VosoProductPayload> {
  readonly code = 'voso' as const;
  readonly displayName = 'Voso';

  constructor(@Optional() @Inject(MARKETPLACE_HTTP_OPTIONS) options?: MarketplaceHttpOptions) {
    const client = new VosoClient((options ?? DEFAULT_MARKETPLACE_HTTP_OPTIONS).timeoutMs);
    super({
      titleMaxLength: VOSO_TITLE_MAX,
      maxBatchItems: VOSO_MAX_BATCH_ITEMS,
      assisted: { columns: VOSO_ASSISTED_COLUMNS, guide: VOSO_ASSISTED_GUIDE },
      toPayload: toVosoPayload,
      fromProduct: fromVosoProduct,
      toDraftFieldErrors,
      parseListingUrl: parseVosoListingUrl,
      login: async (c) => {
        const data = await client.login(c);
        return { token: data.token, expiresAt: new Date(data.expired) };
      },
      // Viettel Post style: a repeated SKU is a success carrying DUPLICATE: true.
      create: async (c, token, payload) => {
        const product = await client.create(c, token, payload);
        return { product, duplicate: Boolean(product.DUPLICATE) };
      },
      findBySellerSku: (c, token, sku) => client.findBySellerSku(c, token, sku),
      update: (c, token, id, payload) => client.update(c, token, id, payload),
      get: (c, token, id) => client.get(c, token, id),
      unlist: (c, token, id) => client.unlist(c, token, id),
      stockPrice: async (c, token, chunk) => {
        const answers = await client.stockPrice(c, token, chunk.map((item) => ({ PRODUCT_ID: Number(item.externalId), QUANTITY: item.stock, PRICE: item.priceVnd })));
        return chunk.map((item, j) =>
          answers[j]?.SUCCESS
            ? { externalId: item.externalId, ok: true }
            : { externalId: item.externalId, ok: false, reason: answers[j] ? `${answers[j].ERROR_CODE}: ${answers[j].MESSAGE}` : 'NO_RESULT' },
        );
      },
    });
  }
}

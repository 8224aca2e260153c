import { Inject, Injectable, Optional } from '@nestjs/common';
import { PartnerApiAdapter } from '../../common/partner-api.adapter';
import { DEFAULT_MARKETPLACE_HTTP_OPTIONS, MARKETPLACE_HTTP_OPTIONS, MarketplaceHttpOptions } from '../../marketplace-http-options';
import { PostmartClient } from './postmart.client';
import {
  fromPostmartProduct,
  parsePostmartListingUrl,
  POSTMART_ASSISTED_COLUMNS,
  POSTMART_ASSISTED_GUIDE,
  toDraftFieldErrors,
  toPostmartPayload,
} from './postmart.mapper';
import { POSTMART_MAX_BATCH_ITEMS, POSTMART_TITLE_MAX, type PostmartProduct, type PostmartProductPayload } from './postmart.types';

/** Postmart (VNPost). Partner API per our proposed contract; assisted spreadsheet until one exists. */
@Injectable()
export class PostmartAdapter extends PartnerApiAdapter<PostmartProduct, PostmartProductPayload> {
  readonly code = 'postmart' as const;
  readonly displayName = 'Postmart';

  constructor(@Optional() @Inject(MARKETPLACE_HTTP_OPTIONS) options?: MarketplaceHttpOptions) {
    const client = new PostmartClient((options ?? DEFAULT_MARKETPLACE_HTTP_OPTIONS).timeoutMs);
    super({
      titleMaxLength: POSTMART_TITLE_MAX,
      maxBatchItems: POSTMART_MAX_BATCH_ITEMS,
      assisted: { columns: POSTMART_ASSISTED_COLUMNS, guide: POSTMART_ASSISTED_GUIDE },
      toPayload: toPostmartPayload,
      fromProduct: fromPostmartProduct,
      toDraftFieldErrors,
      parseListingUrl: parsePostmartListingUrl,
      login: async (c) => {
        const res = await client.login(c);
        return { token: res.token, expiresAt: new Date(Date.now() + res.expiresIn * 1_000) };
      },
      create: (c, token, payload) => client.create(c, token, payload),
      findBySellerSku: (c, token, sku) => client.findBySellerSku(c, token, sku),
      update: (c, token, id, payload) => client.update(c, token, id, payload),
      get: (c, token, id) => client.get(c, token, id),
      unlist: (c, token, id) => client.unlist(c, token, id),
      stockPrice: async (c, token, chunk) => {
        const answers = await client.stockPrice(c, token, chunk.map((item) => ({ productId: Number(item.externalId), stock: item.stock, price: item.priceVnd })));
        // Answers come in request order; keep our own id strings rather than the echoed numbers.
        return chunk.map((item, j) =>
          answers[j]?.success
            ? { externalId: item.externalId, ok: true }
            : { externalId: item.externalId, ok: false, reason: answers[j] ? `${answers[j].errorCode}: ${answers[j].message}` : 'NO_RESULT' },
        );
      },
    });
  }
}

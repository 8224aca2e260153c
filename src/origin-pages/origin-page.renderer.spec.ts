import { createHash } from 'node:crypto';
// The module object itself (not an import namespace), so jest can spy on its functions.
import fs = require('node:fs');
import {
  batchView,
  fullView,
  genuineView,
  notActivatedView,
  PLANTING_AREA_CODE,
  PRODUCER_NAME,
  RECALL_REASON,
  recalledView,
  scannedManyTimesView,
  SERIAL,
  UNKNOWN_SERIAL,
  unknownView,
  voidedView,
} from '../../test/origin-pages/fixtures';
import { attr, tags, textOf } from '../../test/origin-pages/html-text';
import { OriginPageRenderer } from './origin-page.renderer';
import type { OriginView } from './origin-view';

const MAX_PAGE_BYTES = 30 * 1024;

describe('OriginPageRenderer', () => {
  const renderer = new OriginPageRenderer();
  const render = (view: OriginView) => renderer.render(view);

  describe('genuine stamp (Vietnamese)', () => {
    const html = render(genuineView());
    const text = textOf(html);

    it('is a complete, indexing-proof, phone-ready document in Vietnamese', () => {
      expect(html.startsWith('<!doctype html>\n<html lang="vi">')).toBe(true);
      expect(html).toContain('<meta name="viewport" content="width=device-width,initial-scale=1">');
      expect(html).toContain('<meta name="robots" content="noindex">');
      expect(html).toContain('<title>Cải bắp VietGAP — Nguồn</title>');
      expect(html).toContain('<meta charset="utf-8">');
    });

    it('opens with the green verdict', () => {
      expect(html).toMatch(/<body>\n<header class="verdict ok">/);
      expect(text).toContain('Tem chính hãng');
    });

    it('shows the Circular 02/2024 minimum', () => {
      for (const expected of [
        'Cải bắp VietGAP', // 1 product name
        PRODUCER_NAME, // 3 producer
        'Thôn Hoàng Xá, xã Gia Lộc, thành phố Hải Phòng', // 4 address
        'Mã truy vết sản phẩm 08938505974019/L2611-01', // 5 stage: product tracing code
        'Mã truy vết địa điểm VN-30-297-11053-01-23', // 5 stage: location code
        'Thời gian 06:30, 22/11/2026', // 5/6 stage time, in Vietnam time
        'Mã truy xuất https://nguon.vn/01/08938505974019/10/L2611-01', // 7 traceability code
        'Thương hiệu Tân Minh Đức', // 8 brand
        `Số sê-ri ${SERIAL}`, // 8 serial
        'Thời hạn sử dụng 7 ngày', // 9 shelf life
        'Tiêu chuẩn áp dụng TCVN 11892-1:2017 (VietGAP trồng trọt); TCCS 01:2024/TMĐ', // 10 standards
      ]) {
        expect(text).toContain(expected);
      }
      expect(tags(html, 'img')).toHaveLength(1); // 2 product image
    });

    it('answers who, where and when at the top, then area, dates, OCOP and certificates', () => {
      expect(text).toContain('Người sản xuất HTX Tân Minh Đức Nơi trồng Xã Gia Lộc, thành phố Hải Phòng Thu hoạch 22/11/2026');
      expect(text).toContain(`Mã số vùng trồng ${PLANTING_AREA_CODE}`);
      expect(text).toContain('Ngày đóng gói 22/11/2026');
      expect(text).toContain('Hạn sử dụng 29/11/2026');
      expect(html).toContain('<span class="stars" role="img" aria-label="OCOP 3 sao">★★★</span>');
      expect(text).toContain('VietGAP Số chứng nhận VietGAP-TT-24-05-30-0187');
    });

    it('summarises the diary and marks late entries', () => {
      expect(text).toContain('5 công việc được ghi trong nhật ký, trong đó 1 mục ghi muộn.');
      expect(text).toContain('28/10/2026 Phun thuốc BVTV Ghi muộn');
    });

    it('links the marketplace listings and posts the PIN back to the same URL without JavaScript', () => {
      expect(tags(html, 'a').filter((a) => attr(a, 'href')?.startsWith('https://'))).toHaveLength(2);
      const [form] = tags(html, 'form');
      expect(attr(form, 'method')).toBe('post');
      expect(attr(form, 'action')).toBeNull();
      expect(attr(tags(html, 'input')[0], 'name')).toBe('pin');
    });

    it('sizes and lazy-loads the product image', () => {
      const [img] = tags(html, 'img');
      expect(attr(img, 'width')).toBe('640');
      expect(attr(img, 'height')).toBe('480');
      expect(attr(img, 'loading')).toBe('lazy');
      expect(attr(img, 'decoding')).toBe('async');
      expect(attr(img, 'srcset')).toMatch(/-320\.webp 320w, .*-640\.webp 640w$/);
      expect(attr(img, 'sizes')).toBeTruthy();
      expect(attr(img, 'alt')).toBe('Cải bắp VietGAP của HTX Tân Minh Đức');
    });
  });

  it('switches every fixed string to English with lang=en', () => {
    const html = render(genuineView({ lang: 'en' }));
    const text = textOf(html);
    expect(html).toContain('<html lang="en">');
    expect(text).toContain('Genuine stamp');
    expect(text).toContain('Harvest date 22 Nov 2026');
    expect(text).toContain('Time 22 Nov 2026, 06:30');
    expect(html).toContain('aria-label="OCOP 3 stars"');
    expect(text).toContain('Recorded late');
    expect(text).toContain('Nguồn — product origin tracing');
    expect(text).not.toMatch(/Tem chính hãng|Ngày thu hoạch|Ghi muộn/);
    // Data stays as the cooperative wrote it.
    expect(text).toContain(PRODUCER_NAME);
    const switchLink = tags(html, 'a').find((a) => attr(a, 'hreflang') === 'vi');
    expect(attr(switchLink!, 'href')).toBe('/01/08938505974019/10/L2611-01/21/K7QX3M9TZ2?lang=vi');
  });

  it('links to English from the Vietnamese page', () => {
    const links = tags(render(genuineView()), 'a').filter((a) => attr(a, 'hreflang') === 'en');
    expect(links.length).toBeGreaterThan(0);
    expect(attr(links[0], 'href')).toBe('/01/08938505974019/10/L2611-01/21/K7QX3M9TZ2?lang=en');
  });

  it('turns the banner orange and lists scan warnings for a stamp scanned many times', () => {
    const html = render(scannedManyTimesView());
    const text = textOf(html);
    expect(html).toContain('<header class="verdict warn">');
    expect(text).toContain('Cảnh báo: hãy kiểm tra kỹ sản phẩm');
    expect(text).toContain('Tem này đã được quét 37 lần, lần đầu lúc 08:15 ngày 23/11/2026 tại Hải Phòng.');
    expect(text).toContain('Mã PIN của tem này đã được xác thực 2 lần');
    expect(text).toContain('(Hải Phòng, Cần Thơ)');
    expect(text).not.toContain('Tem chính hãng');
  });

  it('shows a red recall notice with the reason and offers nothing for sale', () => {
    const html = render(recalledView());
    const text = textOf(html);
    expect(html).toContain('<header class="verdict bad">');
    expect(text).toContain(`Sản phẩm đang bị thu hồi Lô hàng của sản phẩm này đã bị thu hồi. Lý do thu hồi: ${RECALL_REASON}`);
    // The banner says it once; the resolver's matching warning is not repeated.
    expect(text.match(/Sản phẩm đang bị thu hồi/g)).toHaveLength(1);
    expect(text).toContain('Mã lô L2611-01');
    expect(text).not.toContain('Mua trực tuyến');
    expect(tags(html, 'form')).toHaveLength(0);
  });

  it('says a recall reason is missing rather than leaving it blank', () => {
    const view = recalledView();
    const text = textOf(render({ ...view, batch: { ...view.batch!, recallReason: null } }));
    expect(text).toContain('Lý do thu hồi: Nhà sản xuất chưa công bố lý do.');
  });

  it('tells plainly that an unknown serial is not a genuine stamp, and shows no product data', () => {
    const html = render(unknownView());
    const text = textOf(html);
    expect(html).toContain('<title>Tem không hợp lệ — Nguồn</title>');
    expect(text).toContain('Tem không hợp lệ — có thể là hàng giả');
    expect(text).toContain('đây không phải tem chính hãng');
    expect(text).toContain(`Mã đã quét ${UNKNOWN_SERIAL}`);
    expect(tags(html, 'img')).toHaveLength(0);
    expect(tags(html, 'form')).toHaveLength(0);
    expect(text).not.toContain('Số lần quét');
  });

  it('hides product data for an unknown serial even if the view carried some', () => {
    const text = textOf(render({ ...genuineView(), verdict: 'unknown' }));
    expect(text).not.toContain('Cải bắp');
    expect(text).not.toContain(PRODUCER_NAME);
  });

  it.each([
    ['not_activated', notActivatedView, 'Tem chưa được kích hoạt'],
    ['voided', voidedView, 'Tem đã bị hủy'],
  ] as const)('shows an orange warning page for a %s stamp, with product and producer but no lot', (_verdict, make, title) => {
    const html = render(make());
    const text = textOf(html);
    expect(html).toContain('<header class="verdict warn">');
    expect(text).toContain(title);
    expect(text).toContain('Cải bắp VietGAP');
    expect(text).toContain(PRODUCER_NAME);
    expect(text).not.toMatch(/Mã lô|Hành trình|Nhật ký|Mua trực tuyến|OCOP/);
    expect(tags(html, 'form')).toHaveLength(0);
  });

  it('shows a batch-level page in blue, without a PIN form', () => {
    const html = render(batchView());
    expect(html).toContain('<header class="verdict info">');
    expect(textOf(html)).toContain('Mã QR này dùng chung cho cả lô');
    expect(tags(html, 'form')).toHaveLength(0);
  });

  it('reports the PIN check after a POST', () => {
    const verified = render(genuineView({ pinCheck: { result: 'verified' } }));
    expect(textOf(verified)).toContain('Mã PIN đúng: sản phẩm chính hãng.');
    expect(tags(verified, 'form')).toHaveLength(0);
    const wrong = render(genuineView({ pinCheck: { result: 'wrong' } }));
    expect(textOf(wrong)).toContain('Mã PIN không đúng.');
    expect(tags(wrong, 'form')).toHaveLength(1);
    expect(textOf(render(genuineView({ pinCheck: { result: 'already_verified' } })))).toContain('Mã PIN này đã được xác thực trước đó.');
  });

  it('escapes everything that comes from the database', () => {
    const evil = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    const base = genuineView();
    const html = render({
      ...base,
      product: { ...base.product!, name: evil, image: { ...base.product!.image!, alt: `" onload="alert(1)` } },
      producer: { ...base.producer!, address: '</dd><a href="javascript:alert(1)">bấm</a>' },
      batch: { ...base.batch!, lotCode: '{{constructor}}' },
    });
    expect(html).not.toMatch(/<script|\son\w+=|href="javascript:/i);
    expect(html).toContain('<title>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt; — Nguồn</title>');
    expect(textOf(html)).toContain(evil);
    expect(textOf(html)).toContain('Mã lô {{constructor}}');
    expect(tags(html, 'img')).toHaveLength(1);
  });

  it('drops links and images whose URL is not https or our own', () => {
    const base = genuineView();
    const html = render({
      ...base,
      product: { ...base.product!, image: { ...base.product!.image!, src: 'javascript:alert(1)' } },
      marketplaceLinks: [
        { name: 'Lừa đảo', url: 'javascript:alert(1)' },
        { name: 'Voso', url: 'https://voso.vn/p1843' },
      ],
      alternateLanguageUrl: '//evil.example/?lang=en',
    });
    expect(tags(html, 'img')).toHaveLength(0);
    expect(textOf(html)).not.toContain('Lừa đảo');
    expect(html).not.toContain('evil.example');
    expect(html).toContain('href="?lang&#x3D;en"');
  });

  it('contains no script, no inline handler, no style attribute and no external resource but images', () => {
    for (const view of [fullView(), scannedManyTimesView(), recalledView(), unknownView(), notActivatedView(), fullView({ lang: 'en' })]) {
      const html = render(view);
      expect(html).not.toMatch(/<script|\son[a-z]+=|\sstyle=|<link rel="stylesheet"|@import|@font-face|<iframe/i);
      const external = [...html.matchAll(/\s(?:src|href)="(https?:[^"]*)"/g)].map((m) => m[1]);
      expect(external.every((url) => /^https:\/\/(postmart|voso)\.vn\//.test(url))).toBe(true);
    }
  });

  it('keeps a full page (8 stages, 10 diary entries) under 30 KB of HTML and CSS, in both languages', () => {
    for (const lang of ['vi', 'en'] as const) {
      const view = fullView({ lang });
      expect(view.stages).toHaveLength(8);
      expect(view.diary!.entries).toHaveLength(10);
      const html = render(view);
      expect(Buffer.byteLength(html, 'utf8')).toBeLessThanOrEqual(MAX_PAGE_BYTES);
      expect(textOf(html)).toContain(lang === 'vi' ? 'Thu hoạch trước khi hết thời gian cách ly' : 'Harvested before the pre-harvest interval ended');
    }
  });

  it('marks PHI overrides with their reason', () => {
    const text = textOf(render(fullView()));
    expect(text).toContain(
      'Thu hoạch trước khi hết thời gian cách ly: Thuốc trừ sâu sinh học Bt (Bacillus thuringiensis) Lý do: Kết quả kiểm nghiệm số 1125/KN-NAFIQAD ngày 20/11/2026 không phát hiện dư lượng.',
    );
  });

  it('writes NFC even when the database returns decomposed Vietnamese', () => {
    const nfd = 'Hợp tác xã Tân Minh Đức'.normalize('NFD');
    const html = render(genuineView({ producer: { ...genuineView().producer!, name: nfd } }));
    expect(html).toContain('Hợp tác xã Tân Minh Đức'.normalize('NFC'));
    expect(html).toBe(html.normalize('NFC'));
  });

  it('touches no file at render time (templates are compiled at construction)', () => {
    const fresh = new OriginPageRenderer();
    const read = jest.spyOn(fs, 'readFileSync');
    const list = jest.spyOn(fs, 'readdirSync');
    try {
      fresh.render(fullView());
      fresh.render(unknownView());
      expect(read).not.toHaveBeenCalled();
      expect(list).not.toHaveBeenCalled();
    } finally {
      read.mockRestore();
      list.mockRestore();
    }
  });

  it('gives each verdict its own status code', () => {
    const codes = {
      genuine: renderer.statusCodeOf(genuineView()),
      batch: renderer.statusCodeOf(batchView()),
      unknown: renderer.statusCodeOf(unknownView()),
      not_activated: renderer.statusCodeOf(notActivatedView()),
      voided: renderer.statusCodeOf(voidedView()),
      recalled: renderer.statusCodeOf(recalledView()),
    };
    expect(codes).toEqual({ genuine: 200, batch: 200, unknown: 404, not_activated: 403, voided: 410, recalled: 451 });
  });

  it('publishes a strict CSP that allows exactly the inlined stylesheet', () => {
    const csp = renderer.contentSecurityPolicy;
    const css = render(genuineView()).match(/<style>([\s\S]*?)<\/style>/)![1];
    const hash = createHash('sha256').update(css, 'utf8').digest('base64');
    expect(csp).toBe(`default-src 'none'; img-src 'self' https: data:; style-src 'sha256-${hash}' 'unsafe-inline'; form-action 'self'; base-uri 'none'`);
    expect(csp).not.toContain('script-src');
  });
});

import { fullView, genuineView, notActivatedView, recalledView, scannedManyTimesView, unknownView } from '../../test/origin-pages/fixtures';
import { originWarning } from './origin-warnings';
import { presentOriginPage } from './origin-page.presenter';

describe('presentOriginPage', () => {
  describe('OCOP and certifications: only while valid on the harvest date', () => {
    it('keeps an OCOP rating that is still valid at harvest', () => {
      const ocop = presentOriginPage(genuineView()).certifications!.ocop!;
      expect(ocop).toMatchObject({ stars: '★★★', aria: 'OCOP 3 sao', text: 'Sản phẩm OCOP 3 sao' });
    });

    it('drops an OCOP rating that lapsed before the harvest', () => {
      const model = presentOriginPage(genuineView({ ocop: { stars: 4, label: '', validUntil: '2026-11-21' } }));
      expect(model.certifications!.ocop).toBeNull();
    });

    it('accepts a rating valid until the harvest day itself', () => {
      const model = presentOriginPage(genuineView({ ocop: { stars: 5, label: '', validUntil: '2026-11-22' } }));
      expect(model.certifications!.ocop!.stars).toBe('★★★★★');
    });

    it('never shows uncertified star counts (below 3) or nonsense', () => {
      for (const stars of [0, 2, 6, 3.5]) {
        expect(presentOriginPage(genuineView({ ocop: { stars, label: '', validUntil: '2030-01-01' } })).certifications!.ocop).toBeNull();
      }
    });

    it('drops certificates expired before the harvest and the whole section when nothing is left', () => {
      const base = genuineView();
      const model = presentOriginPage({
        ...base,
        ocop: null,
        certifications: [{ ...base.certifications[0], validUntil: '2026-10-01' }],
      });
      expect(model.certifications).toBeNull();
    });
  });

  describe('verdict banner', () => {
    it('is green for a clean genuine stamp and orange once it shows signs of copying', () => {
      expect(presentOriginPage(genuineView()).verdict).toMatchObject({ tone: 'ok', title: 'Tem chính hãng', warnings: [] });
      const warned = presentOriginPage(scannedManyTimesView()).verdict;
      expect(warned.tone).toBe('warn');
      expect(warned.title).toBe('Cảnh báo: hãy kiểm tra kỹ sản phẩm');
      expect(warned.warnings).toHaveLength(3);
    });

    it('stays "genuine" but turns orange for a mere expiry warning', () => {
      const view = genuineView({ warnings: [originWarning('vi', { kind: 'expired_product', expiryDate: '2026-11-29' })] });
      const verdict = presentOriginPage(view).verdict;
      expect(verdict).toMatchObject({ tone: 'warn', title: 'Tem chính hãng', warnings: ['Sản phẩm đã hết hạn sử dụng từ ngày 29/11/2026.'] });
    });

    it('words a warning the resolver left empty', () => {
      const verdict = presentOriginPage(genuineView({ warnings: [{ kind: 'pin_reused', message: '' }] })).verdict;
      expect(verdict.warnings).toEqual(['Mã PIN của tem này đã được xác thực nhiều lần.']);
    });

    it('carries the recall reason', () => {
      expect(presentOriginPage(recalledView()).verdict.reason).toEqual({ label: 'Lý do thu hồi', text: expect.stringContaining('Chlorpyrifos') });
    });
  });

  describe('sections by verdict', () => {
    it('shows only the verdict and the scanned code for an unknown serial', () => {
      const model = presentOriginPage(unknownView());
      expect([model.product, model.producer, model.certifications, model.plantingArea, model.batch, model.stages, model.diary, model.buy]).toEqual(
        Array(8).fill(null),
      );
      expect(model.stamp!.facts.map((f) => f.label)).toEqual(['Mã đã quét']);
    });

    it('shows no lot-bound claim for a stamp that is not bound to a lot, even if the view has one', () => {
      const model = presentOriginPage({ ...notActivatedView(), batch: genuineView().batch, ocop: genuineView().ocop });
      expect(model.product!.name).toBe('Cải bắp VietGAP');
      expect(model.batch).toBeNull();
      expect(model.certifications).toBeNull();
      expect(model.product!.keyFacts.map((f) => f.label)).toEqual(['Người sản xuất']);
    });

    it('hides the marketplace links and the PIN form on a recalled lot', () => {
      const model = presentOriginPage(recalledView());
      expect(model.buy).toBeNull();
      expect(model.stamp!.pin).toBeNull();
      expect(model.batch).not.toBeNull();
    });

    it('omits the buy section until a listing exists', () => {
      expect(presentOriginPage(genuineView({ marketplaceLinks: [] })).buy).toBeNull();
    });
  });

  describe('stages and diary', () => {
    it('names known steps in the page language and keeps a distinct label as detail', () => {
      const [harvest, pack] = presentOriginPage(genuineView({ lang: 'en' })).stages!.items;
      expect(harvest).toMatchObject({ name: 'Harvest', detail: 'Thu hoạch' });
      expect(pack).toMatchObject({ name: 'Sorting and packing', detail: 'Sơ chế, đóng gói tại nhà sơ chế của HTX' });
      expect(presentOriginPage(genuineView()).stages!.items[0].detail).toBeNull();
    });

    it('falls back to the resolver label for a step it does not know', () => {
      const base = genuineView();
      const model = presentOriginPage({ ...base, stages: [{ ...base.stages[0], step: 'cooling', label: 'Làm lạnh sơ bộ' }] });
      expect(model.stages!.items[0]).toMatchObject({ name: 'Làm lạnh sơ bộ', detail: null });
    });

    it('marks late diary entries and counts them', () => {
      const diary = presentOriginPage(fullView()).diary!;
      expect(diary.entries).toHaveLength(10);
      expect(diary.entries.filter((e) => e.late === 'Ghi muộn')).toHaveLength(2);
      expect(diary.summary).toBe('10 công việc được ghi trong nhật ký, trong đó 2 mục ghi muộn.');
      expect(diary.phiOverrides[0]).toMatchObject({ title: 'Thu hoạch trước khi hết thời gian cách ly', reasonLabel: 'Lý do' });
    });

    it('shows a harvest spread over several days as a range', () => {
      const base = genuineView();
      const model = presentOriginPage({ ...base, batch: { ...base.batch!, harvestDateTo: '2026-11-24' } });
      expect(model.product!.keyFacts[2].value).toBe('22/11/2026 – 24/11/2026');
    });
  });

  it('drops an image without usable dimensions rather than letting the page jump', () => {
    const base = genuineView();
    expect(presentOriginPage({ ...base, product: { ...base.product!, image: { ...base.product!.image!, height: 0 } } }).product!.image).toBeNull();
  });

  it('links the producer phone as a dialable number', () => {
    expect(presentOriginPage(genuineView()).producer!.facts[1]).toMatchObject({ value: '0220 3852 168', href: 'tel:02203852168' });
  });
});

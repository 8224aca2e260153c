import { bilingual, langFromRequest, pick } from './messages';

describe('bilingual / pick', () => {
  it('round-trips both languages through one string', () => {
    const message = bilingual('Không tìm thấy lô hàng', 'Batch not found');
    expect(pick(message, 'vi')).toBe('Không tìm thấy lô hàng');
    expect(pick(message, 'en')).toBe('Batch not found');
  });

  it('does not leak the separator or the other language into the picked text', () => {
    const message = bilingual('Tiếng Việt', 'English');
    expect(pick(message, 'vi')).not.toContain('English');
    expect(pick(message, 'en')).not.toContain('Tiếng Việt');
    expect(pick(message, 'vi')).toHaveLength('Tiếng Việt'.length);
  });

  it('picks from a { vi, en } object', () => {
    expect(pick({ vi: 'Xin chào', en: 'Hello' }, 'vi')).toBe('Xin chào');
    expect(pick({ vi: 'Xin chào', en: 'Hello' }, 'en')).toBe('Hello');
  });

  it('falls back to the only text of a plain (non-bilingual) message', () => {
    expect(pick('must be a string', 'en')).toBe('must be a string');
    expect(pick('must be a string', 'vi')).toBe('must be a string');
  });

  it('returns NFC text for decomposed (NFD) input', () => {
    const nfc = 'Tân Minh Đức';
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc); // the input really is decomposed
    const picked = pick(bilingual(nfd, `Cooperative ${nfd}`), 'vi');
    expect(picked).toBe(nfc);
    expect(pick(bilingual(nfd, `Cooperative ${nfd}`), 'en')).toBe(`Cooperative ${nfc}`);
    expect(pick({ vi: nfd, en: nfd }, 'en')).toBe(nfc);
    expect(pick(nfd, 'vi')).toBe(nfc);
  });
});

describe('langFromRequest', () => {
  it('uses ?lang=en', () => {
    expect(langFromRequest({ lang: 'en' }, undefined)).toBe('en');
  });

  it('lets ?lang override Accept-Language', () => {
    expect(langFromRequest({ lang: 'vi' }, 'en-US,en;q=0.9')).toBe('vi');
    expect(langFromRequest({ lang: 'en' }, 'vi')).toBe('en');
  });

  it('ignores an unsupported ?lang and falls back to Accept-Language', () => {
    expect(langFromRequest({ lang: 'fr' }, 'en-US')).toBe('en');
    expect(langFromRequest({ lang: 'fr' }, undefined)).toBe('vi');
  });

  it('reads the first Accept-Language entry', () => {
    expect(langFromRequest({}, 'en-US,en;q=0.9')).toBe('en');
    expect(langFromRequest({}, 'EN')).toBe('en');
    expect(langFromRequest({}, 'vi')).toBe('vi');
    expect(langFromRequest({}, 'vi-VN,en;q=0.8')).toBe('vi');
  });

  it('defaults to Vietnamese when nothing is given', () => {
    expect(langFromRequest(undefined, undefined)).toBe('vi');
    expect(langFromRequest({}, '')).toBe('vi');
    expect(langFromRequest({}, 'fr-FR')).toBe('vi');
  });
});

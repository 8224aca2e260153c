import { buildDigitalLink, encodeDlValue, parseDigitalLinkPath } from './digital-link';
import { isCset82, nonCset82Characters } from './cset82';

describe('GS1 Digital Link', () => {
  it('builds uncompressed URIs with percent-encoded values', () => {
    expect(buildDigitalLink('https://nguon.vn/', { gtin: '08934588012228', lot: 'A&B+1', serial: 'Xy7/2' })).toBe(
      'https://nguon.vn/01/08934588012228/10/A%26B%2B1/21/Xy7%2F2',
    );
    expect(buildDigitalLink('https://nguon.vn', { gtin: '08934588012228' })).toBe('https://nguon.vn/01/08934588012228');
  });

  it('encodes every CSET 82 character that is not URI-unreserved', () => {
    expect(encodeDlValue(`!"%&'()*+,-./:;<=>?_`)).toBe('%21%22%25%26%27%28%29%2A%2B%2C-.%2F%3A%3B%3C%3D%3E%3F_');
  });

  it('parses what it builds, for awkward lots', () => {
    for (const lot of ['A&B+1', 'LÔ', '100%', "a'b(c)*", 'x/y?z']) {
      const uri = buildDigitalLink('https://h.vn', { gtin: '12345678901231', lot, serial: 's1' });
      expect(parseDigitalLinkPath(uri.slice('https://h.vn'.length))).toEqual({ gtin: '12345678901231', lot, serial: 's1' });
    }
  });

  it('rejects paths that are not GTIN-keyed or have broken escapes', () => {
    expect(parseDigitalLinkPath('/01/1234/10/A')).toBeNull();
    expect(parseDigitalLinkPath('/414/1234567890128')).toBeNull();
    expect(parseDigitalLinkPath('/01/12345678901231/10/%E0%A4%A')).toBeNull();
  });
});

describe('CSET 82', () => {
  it('accepts the GS1 set and names what is outside it', () => {
    expect(isCset82(`AZaz09!"%&'()*+,-./:;<=>?_`)).toBe(true);
    expect(nonCset82Characters('LÔ 01#Đ#')).toEqual(['Ô', ' ', '#', 'Đ']);
  });
});

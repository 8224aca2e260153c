import { epcisContentType } from './epcis-http';

describe('epcisContentType', () => {
  it('answers JSON-LD by default and to JSON-LD or wildcard requests', () => {
    for (const accept of [undefined, '', '*/*', 'application/ld+json', 'application/ld+json, application/json;q=0.9']) {
      expect(epcisContentType(accept)).toBe('application/ld+json; charset=utf-8');
    }
  });

  it('answers plain JSON to clients that ask only for it', () => {
    expect(epcisContentType('application/json')).toBe('application/json; charset=utf-8');
    expect(epcisContentType('Application/JSON; q=1, text/plain')).toBe('application/json; charset=utf-8');
  });
});

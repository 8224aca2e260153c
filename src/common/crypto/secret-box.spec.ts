import { createCipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { AppConfig } from '../../config/app-config';
import { dataKeyId, SecretBox, SecretKeyUnavailableError } from './secret-box';

const key = (keyByte: number) => Buffer.alloc(32, keyByte);
const ring = (current: number, ...previous: number[]) =>
  new SecretBox(Object.assign(new AppConfig(), { dataEncryptionKey: key(current), previousDataEncryptionKeys: previous.map(key) }));
const box = (keyByte: number) => new SecretBox(Object.assign(new AppConfig(), { dataEncryptionKey: key(keyByte) }));
const idOf = (keyByte: number) => createHash('sha256').update(key(keyByte)).digest('hex').slice(0, 8);

/** A value as the SecretBox before key ids sealed it: bare base64(iv|tag|ciphertext). */
function legacySeal(keyByte: number, purpose: string, plaintext: string): string {
  const derived = Buffer.from(hkdfSync('sha256', key(keyByte), Buffer.alloc(0), `nguon:enc:${purpose}`, 32));
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', derived, iv);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

/** The hash as the SecretBox before key ids computed it. */
function legacyHash(keyByte: number, purpose: string, value: string): string {
  const derived = Buffer.from(hkdfSync('sha256', key(keyByte), Buffer.alloc(0), `nguon:mac:${purpose}`, 32));
  return createHmac('sha256', derived).update(value).digest('hex');
}

describe('SecretBox', () => {
  it('round-trips Vietnamese text and never repeats a ciphertext', () => {
    const b = box(1);
    const a = b.seal('pin', 'Mật khẩu Postmart 123');
    expect(b.open('pin', a)).toBe('Mật khẩu Postmart 123');
    expect(b.seal('pin', 'Mật khẩu Postmart 123')).not.toBe(a);
  });

  it('refuses tampered ciphertext, another purpose, and another key', () => {
    const b = box(1);
    const sealed = b.seal('pin', '12345678');
    const body = Buffer.from(sealed.split('.')[2], 'base64');
    body[body.length - 1] ^= 1;
    expect(() => b.open('pin', `v1.${idOf(1)}.${body.toString('base64')}`)).toThrow(SecretKeyUnavailableError);
    expect(() => b.open('credentials', b.seal('pin', 'x'))).toThrow(SecretKeyUnavailableError);
    expect(() => box(2).open('pin', b.seal('pin', 'x'))).toThrow(SecretKeyUnavailableError);
  });

  it('hashes with a key: same input same hash, another key another hash', () => {
    expect(box(1).hash('pin', 'A:1')).toBe(box(1).hash('pin', 'A:1'));
    expect(box(1).hash('pin', 'A:1')).not.toBe(box(2).hash('pin', 'A:1'));
    expect(box(1).hash('pin', 'A:1')).toMatch(/^[0-9a-f]{64}$/);
  });

  describe('key rotation', () => {
    it('seals as v1.<keyId>.<base64>, the id being the first 8 hex of sha256(master key)', () => {
      const sealed = ring(1, 2).seal('pin', '12345678');
      expect(sealed).toMatch(/^v1\.[0-9a-f]{8}\.[A-Za-z0-9+/]+=*$/);
      expect(sealed.split('.')[1]).toBe(idOf(1));
      expect(dataKeyId(key(1))).toBe(idOf(1));
      expect(ring(1, 2).currentKeyId).toBe(idOf(1));
      expect(ring(1, 2).keyIds).toEqual([idOf(1), idOf(2)]);
    });

    it('opens values of a previous key by their key id, and seals new ones with the current key', () => {
      const old = ring(1).seal('credentials', '{"password":"Bí-mật"}');
      const rotated = ring(2, 1);
      expect(rotated.open('credentials', old)).toBe('{"password":"Bí-mật"}');
      expect(old.startsWith(rotated.currentPrefix())).toBe(false);
      const resealed = rotated.reseal('credentials', old);
      expect(resealed.startsWith(`v1.${idOf(2)}.`)).toBe(true);
      expect(resealed.startsWith(rotated.currentPrefix())).toBe(true);
      expect(rotated.currentPrefix()).toBe(`v1.${idOf(2)}.`);
      expect(ring(2).open('credentials', resealed)).toBe('{"password":"Bí-mật"}');
    });

    it('opens legacy unprefixed values with the current or any previous key', () => {
      expect(ring(1).open('pin', legacySeal(1, 'pin', '11112222'))).toBe('11112222');
      expect(ring(3, 2, 1).open('pin', legacySeal(1, 'pin', '11112222'))).toBe('11112222');
      expect(ring(3, 2, 1).open('pin', legacySeal(2, 'pin', '33334444'))).toBe('33334444');
      expect(legacySeal(3, 'pin', 'x').startsWith(ring(3, 2, 1).currentPrefix())).toBe(false);
      expect(() => ring(3, 2).open('pin', legacySeal(1, 'pin', '11112222'))).toThrow(SecretKeyUnavailableError);
    });

    it('names the missing key when a value was sealed with a key no longer configured', () => {
      const old = ring(1).seal('pin', '12345678');
      let error: unknown;
      try {
        ring(3, 2).open('pin', old);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(SecretKeyUnavailableError);
      expect((error as SecretKeyUnavailableError).keyId).toBe(idOf(1));
      expect((error as Error).message).toContain(idOf(1));
      expect((error as Error).message).toContain('DATA_ENCRYPTION_KEYS_PREVIOUS');
      expect((error as Error).message).not.toContain('12345678');
      expect(() => ring(1).open('pin', 'v9.abcdef01.AAAA')).toThrow(SecretKeyUnavailableError);
      expect(() => ring(1).open('pin', 'v1.nothex!.AAAA')).toThrow(SecretKeyUnavailableError);
    });

    it('keeps hash() on the current key, unchanged from before key ids', () => {
      expect(ring(1).hash('stamp-pin', 'S:1')).toBe(legacyHash(1, 'stamp-pin', 'S:1'));
      expect(ring(2, 1).hash('stamp-pin', 'S:1')).toBe(legacyHash(2, 'stamp-pin', 'S:1'));
    });

    it('gives hash candidates under the current key first, then each previous key in order', () => {
      expect(ring(3, 2, 1).hashCandidates('stamp-pin', 'S:1')).toEqual([
        legacyHash(3, 'stamp-pin', 'S:1'),
        legacyHash(2, 'stamp-pin', 'S:1'),
        legacyHash(1, 'stamp-pin', 'S:1'),
      ]);
      expect(ring(1).hashCandidates('stamp-pin', 'S:1')).toEqual([ring(1).hash('stamp-pin', 'S:1')]);
    });

    it('ignores a previous key listed twice or equal to the current one', () => {
      expect(ring(1, 1, 2, 2).keyIds).toEqual([idOf(1), idOf(2)]);
      expect(ring(1, 1, 2, 2).hashCandidates('p', 'v')).toHaveLength(2);
    });
  });
});

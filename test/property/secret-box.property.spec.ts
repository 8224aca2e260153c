import fc from 'fast-check';
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { SecretBox } from '../../src/common/crypto/secret-box';
import { AppConfig } from '../../src/config/app-config';
import { unicodeText } from './oracles';

// SecretBox: AES-256-GCM with per-purpose keys from HKDF-SHA256, sealed as
// `v1.<keyId>.<base64(iv[12] ‖ tag[16] ‖ ciphertext)>` (bare base64 before key ids existed). Sealed values
// live in the database for years, so besides round trips the wire format is pinned with an RFC 5869 HKDF
// written here from createHmac, and legacy values sealed by that oracle must keep opening.

const boxWith = (current: Buffer, ...previous: Buffer[]) =>
  new SecretBox(Object.assign(new AppConfig(), { dataEncryptionKey: current, previousDataEncryptionKeys: previous }));
const KEY = Buffer.alloc(32, 7);
const box = boxWith(KEY);
const keyId = (master: Buffer) => createHash('sha256').update(master).digest('hex').slice(0, 8);

/** RFC 5869 with an empty salt (= HashLen zero bytes), one output block. */
function hkdf32(ikm: Buffer, info: string): Buffer {
  const prk = createHmac('sha256', Buffer.alloc(32)).update(ikm).digest();
  return createHmac('sha256', prk).update(Buffer.concat([Buffer.from(info, 'utf8'), Buffer.from([1])])).digest();
}

/** The sealed form split into its prefix ("v1.<id>." or "" for legacy values) and the raw bytes. */
function split(sealed: string): { prefix: string; raw: Buffer } {
  const cut = sealed.lastIndexOf('.') + 1;
  return { prefix: sealed.slice(0, cut), raw: Buffer.from(sealed.slice(cut), 'base64') };
}

/** A value sealed the legacy way (no key id), by the oracle. */
function legacySeal(master: Buffer, purpose: string, text: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', hkdf32(master, `nguon:enc:${purpose}`), iv);
  const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

const vietnamese = fc.string({
  unit: fc.constantFrom(...'aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵĐƯƠ 0123456789'),
  maxLength: 40,
});
const plaintext = fc.oneof(fc.string(), unicodeText(), vietnamese, vietnamese.map((s) => s.normalize('NFD')));
const purpose = fc.constantFrom('pin', 'credentials', 'marketplace:shopee', 'x');
const otherKey = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((k) => Buffer.from(k)).filter((k) => !k.equals(KEY));

describe('SecretBox (property)', () => {
  it('opens what it sealed, for any text; the body is iv ‖ tag ‖ ciphertext under the HKDF key of the purpose', () => {
    fc.assert(
      fc.property(purpose, plaintext, (p, text) => {
        const sealed = box.seal(p, text);
        expect(box.open(p, sealed)).toBe(text);
        const { prefix, raw } = split(sealed);
        expect(prefix).toBe(`v1.${keyId(KEY)}.`);
        expect(raw.length).toBe(28 + Buffer.byteLength(text, 'utf8'));
        const decipher = createDecipheriv('aes-256-gcm', hkdf32(KEY, `nguon:enc:${p}`), raw.subarray(0, 12), { authTagLength: 16 });
        decipher.setAuthTag(raw.subarray(12, 28));
        expect(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8')).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('opens legacy values (bare base64) sealed with the current or a previous key', () => {
    fc.assert(
      fc.property(purpose, plaintext, otherKey, fc.boolean(), (p, text, other, withCurrent) => {
        const legacy = legacySeal(withCurrent ? KEY : other, p, text);
        expect(boxWith(KEY, other).open(p, legacy)).toBe(text);
      }),
      { numRuns: 200 },
    );
  });

  it('never seals the same text to the same value twice', () => {
    fc.assert(
      fc.property(purpose, plaintext, (p, text) => {
        expect(box.seal(p, text)).not.toBe(box.seal(p, text));
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a sealed value (current or legacy form) with any single bit flipped', () => {
    fc.assert(
      fc.property(purpose, plaintext, fc.boolean(), fc.nat(), fc.integer({ min: 0, max: 7 }), (p, text, legacy, at, bit) => {
        const { prefix, raw } = split(legacy ? legacySeal(KEY, p, text) : box.seal(p, text));
        raw[at % raw.length] ^= 1 << bit;
        expect(() => box.open(p, prefix + raw.toString('base64'))).toThrow();
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a sealed value (current or legacy form) cut short or with bytes added', () => {
    // GCM checks a tag of any length from 4 bytes; a value cut into its tag must not open with the shorter tag.
    const change = fc.oneof(fc.integer({ min: 1, max: 40 }).map((n) => -n), fc.uint8Array({ minLength: 1, maxLength: 8 }));
    fc.assert(
      fc.property(purpose, plaintext, fc.boolean(), change, (p, text, legacy, delta) => {
        const { prefix, raw } = split(legacy ? legacySeal(KEY, p, text) : box.seal(p, text));
        const tampered = typeof delta === 'number' ? raw.subarray(0, Math.max(0, raw.length + delta)) : Buffer.concat([raw, delta]);
        expect(() => box.open(p, prefix + tampered.toString('base64'))).toThrow();
      }),
      { numRuns: 300 },
    );
  });

  it('refuses to open under another purpose, or with a key ring that lacks the sealing key', () => {
    fc.assert(
      fc.property(purpose, purpose, plaintext, otherKey, (p, q, text, other) => {
        const sealed = box.seal(p, text);
        if (p !== q) expect(() => box.open(q, sealed)).toThrow();
        expect(() => boxWith(other).open(p, sealed)).toThrow();
        expect(() => boxWith(other).open(p, split(sealed).raw.toString('base64'))).toThrow();
        expect(boxWith(other, KEY).open(p, sealed)).toBe(text);
      }),
      { numRuns: 100 },
    );
  });

  it('hash is HMAC-SHA256 under the HKDF "mac" key of the purpose: stable, hex, and keyed', () => {
    fc.assert(
      fc.property(purpose, plaintext, otherKey, (p, value, other) => {
        const expected = createHmac('sha256', hkdf32(KEY, `nguon:mac:${p}`)).update(value, 'utf8').digest('hex');
        expect(box.hash(p, value)).toBe(expected);
        expect(boxWith(other).hash(p, value)).not.toBe(expected);
      }),
      { numRuns: 200 },
    );
  });
});

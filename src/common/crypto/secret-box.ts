import { Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { AppConfig } from '../../config/app-config';

const VERSION = 'v1';

/**
 * A sealed value names a key that this process does not have (retired and no longer listed in
 * DATA_ENCRYPTION_KEYS_PREVIOUS), or fits none of the configured keys. Never contains the secret.
 */
export class SecretKeyUnavailableError extends Error {
  constructor(readonly keyId: string | null) {
    super(
      keyId
        ? `Dữ liệu được niêm phong bằng khóa ${keyId}, khóa này không còn được cấu hình (thêm lại vào DATA_ENCRYPTION_KEYS_PREVIOUS) / ` +
            `value sealed with key ${keyId}, which is not configured (list it again in DATA_ENCRYPTION_KEYS_PREVIOUS)`
        : 'Không mở được dữ liệu niêm phong bằng khóa nào đang cấu hình (khóa cũ đã bị gỡ, hoặc dữ liệu hỏng) / ' +
            'the sealed value opens with none of the configured keys (a retired key was dropped, or the value is damaged)',
    );
    this.name = 'SecretKeyUnavailableError';
  }
}

interface RingKey {
  /** First 8 hex characters of sha256(master key): names the key without revealing it. */
  id: string;
  master: Buffer;
}

/** The id a master key has in sealed values: `printf %s "$KEY" | base64 -d | sha256sum | cut -c1-8`. */
export function dataKeyId(master: Buffer): string {
  return createHash('sha256').update(master).digest('hex').slice(0, 8);
}

// Authenticated encryption (AES-256-GCM) and keyed hashing for secrets kept at rest: scratch-off PINs
// until printed, marketplace credentials. Keys are derived per purpose from DATA_ENCRYPTION_KEY, so a
// leak of one kind of ciphertext says nothing about another.
//
// Key rotation: values are sealed with the current key as `v1.<keyId>.<base64(iv|tag|ciphertext)>`.
// They open with the current key or any key of DATA_ENCRYPTION_KEYS_PREVIOUS, picked by id; values
// sealed before key ids existed (bare base64) are tried with each configured key, the GCM tag telling
// which one fits. Hashes carry no key id: hashCandidates() gives one per configured key.
@Injectable()
export class SecretBox {
  private readonly ring: RingKey[];
  private readonly derived = new Map<string, Buffer>();

  constructor(config: AppConfig) {
    const seen = new Set<string>();
    this.ring = [config.dataEncryptionKey, ...(config.previousDataEncryptionKeys ?? [])]
      .map((master) => ({ id: dataKeyId(master), master }))
      .filter((k) => !seen.has(k.id) && seen.add(k.id));
  }

  /** Id of the key new values are sealed and hashed with. */
  get currentKeyId(): string {
    return this.ring[0].id;
  }

  /** Ids of every configured key, current first. */
  get keyIds(): string[] {
    return this.ring.map((k) => k.id);
  }

  seal(purpose: string, plaintext: string): string {
    const current = this.ring[0];
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key(current, `enc:${purpose}`), iv);
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return `${VERSION}.${current.id}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
  }

  /** Throws SecretKeyUnavailableError if no configured key opens the value (tampering included). */
  open(purpose: string, sealed: string): string {
    const parsed = parseSealed(sealed);
    const candidates = parsed.keyId === null ? this.ring : this.ring.filter((k) => k.id === parsed.keyId);
    for (const k of candidates) {
      const opened = this.tryOpen(k, purpose, parsed.raw);
      if (opened !== undefined) return opened;
    }
    throw new SecretKeyUnavailableError(candidates.length ? null : parsed.keyId);
  }

  /** `v1.<currentKeyId>.`: in SQL, `col LIKE prefix || '%'` finds values already sealed with the current key. */
  currentPrefix(): string {
    return `${VERSION}.${this.ring[0].id}.`;
  }

  /** Opens with whatever configured key fits and seals again with the current key. */
  reseal(purpose: string, sealed: string): string {
    return this.seal(purpose, this.open(purpose, sealed));
  }

  /** Keyed hash (HMAC-SHA256, hex) with the current key: comparing needs the server key, so a stolen table cannot be brute-forced offline. */
  hash(purpose: string, value: string): string {
    return this.hmac(this.ring[0], purpose, value);
  }

  /** The hash under every configured key, current first: what a stored hash may equal after a rotation. */
  hashCandidates(purpose: string, value: string): string[] {
    return this.ring.map((k) => this.hmac(k, purpose, value));
  }

  private hmac(k: RingKey, purpose: string, value: string): string {
    return createHmac('sha256', this.key(k, `mac:${purpose}`)).update(value).digest('hex');
  }

  private tryOpen(k: RingKey, purpose: string, raw: Buffer): string | undefined {
    if (raw.length < 28) return undefined;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key(k, `enc:${purpose}`), raw.subarray(0, 12), { authTagLength: 16 });
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    } catch {
      return undefined;
    }
  }

  private key(k: RingKey, purpose: string): Buffer {
    const cacheKey = `${k.id}:${purpose}`;
    let key = this.derived.get(cacheKey);
    if (!key) {
      key = Buffer.from(hkdfSync('sha256', k.master, Buffer.alloc(0), `nguon:${purpose}`, 32));
      this.derived.set(cacheKey, key);
    }
    return key;
  }
}

// Base64 never contains '.', so a legacy (unprefixed) value cannot be mistaken for a versioned one.
function parseSealed(sealed: string): { keyId: string | null; raw: Buffer } {
  if (!sealed.includes('.')) return { keyId: null, raw: Buffer.from(sealed, 'base64') };
  const [version, keyId, body, ...rest] = sealed.split('.');
  if (version !== VERSION || !/^[0-9a-f]{8}$/.test(keyId ?? '') || body === undefined || rest.length) {
    throw new SecretKeyUnavailableError(null);
  }
  return { keyId, raw: Buffer.from(body, 'base64') };
}

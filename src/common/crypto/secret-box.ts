import { Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { AppConfig } from '../../config/app-config';

// Authenticated encryption (AES-256-GCM) and keyed hashing for secrets kept at rest: scratch-off PINs
// until printed, marketplace credentials. Keys are derived per purpose from DATA_ENCRYPTION_KEY, so a
// leak of one kind of ciphertext says nothing about another.
@Injectable()
export class SecretBox {
  private readonly keys = new Map<string, Buffer>();

  constructor(private readonly config: AppConfig) {}

  seal(purpose: string, plaintext: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key(`enc:${purpose}`), iv);
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
  }

  open(purpose: string, sealed: string): string {
    const raw = Buffer.from(sealed, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.key(`enc:${purpose}`), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }

  /** Keyed hash (HMAC-SHA256, hex): comparing needs the server key, so a stolen table cannot be brute-forced offline. */
  hash(purpose: string, value: string): string {
    return createHmac('sha256', this.key(`mac:${purpose}`)).update(value).digest('hex');
  }

  private key(purpose: string): Buffer {
    let key = this.keys.get(purpose);
    if (!key) {
      key = Buffer.from(hkdfSync('sha256', this.config.dataEncryptionKey, Buffer.alloc(0), `nguon:${purpose}`, 32));
      this.keys.set(purpose, key);
    }
    return key;
  }
}

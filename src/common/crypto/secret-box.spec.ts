import { AppConfig } from '../../config/app-config';
import { SecretBox } from './secret-box';

const box = (keyByte: number) => new SecretBox(Object.assign(new AppConfig(), { dataEncryptionKey: Buffer.alloc(32, keyByte) }));

describe('SecretBox', () => {
  it('round-trips Vietnamese text and never repeats a ciphertext', () => {
    const b = box(1);
    const a = b.seal('pin', 'Mật khẩu Postmart 123');
    expect(b.open('pin', a)).toBe('Mật khẩu Postmart 123');
    expect(b.seal('pin', 'Mật khẩu Postmart 123')).not.toBe(a);
  });

  it('refuses tampered ciphertext, another purpose, and another key', () => {
    const b = box(1);
    const sealed = Buffer.from(b.seal('pin', '12345678'), 'base64');
    sealed[sealed.length - 1] ^= 1;
    expect(() => b.open('pin', sealed.toString('base64'))).toThrow();
    expect(() => b.open('credentials', b.seal('pin', 'x'))).toThrow();
    expect(() => box(2).open('pin', b.seal('pin', 'x'))).toThrow();
  });

  it('hashes with a key: same input same hash, another key another hash', () => {
    expect(box(1).hash('pin', 'A:1')).toBe(box(1).hash('pin', 'A:1'));
    expect(box(1).hash('pin', 'A:1')).not.toBe(box(2).hash('pin', 'A:1'));
    expect(box(1).hash('pin', 'A:1')).toMatch(/^[0-9a-f]{64}$/);
  });
});

import { createHmac } from 'node:crypto';
import { DataSource } from 'typeorm';
import { TEST_ADMIN, TEST_PASSWORD, TestApp } from '../utils/test-app';
import { makeCooperative, makeUser } from '../utils/world';
import { cheapPasswordHashing, client, hex, ok, Res, Send } from './helpers';

// Logins: per-account and per-address lock-outs (also against parallel bursts), and every way a bearer
// token can be wrong. test/e2e/auth.e2e-spec.ts covers the happy paths and the basic lock-out.
const PER_ACCOUNT = 3;
const PER_IP = 6;
const THROTTLED_VI = /^Đăng nhập sai quá nhiều lần\. Vui lòng thử lại sau (\d+) giây$/;
const TOKEN_INVALID_VI = 'Phiên đăng nhập không hợp lệ hoặc đã hết hạn, vui lòng đăng nhập lại';

const b64url = (value: object | string) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
function jwt(payload: object, secret: string, header: object = { alg: 'HS256', typ: 'JWT' }, alg: 'sha256' | 'sha512' = 'sha256'): string {
  const unsigned = `${b64url(header)}.${b64url(payload)}`;
  return `${unsigned}.${createHmac(alg, secret).update(unsigned).digest('base64url')}`;
}

describe('auth hardening', () => {
  let t: TestApp;
  let send: Send;
  let db: DataSource;
  let admin: string;
  let coopId: string;
  let ipSeq = 0;
  /** A fresh client address (TRUST_PROXY is on), so each test's per-address count starts at zero. */
  const newIp = () => `198.18.${Math.floor(++ipSeq / 250)}.${ipSeq % 250}`;
  const login = (loginName: string, password: string, ip: string, lang?: string) =>
    send('POST', '/auth/login', { json: { login: loginName, password }, headers: { 'x-forwarded-for': ip, ...(lang && { 'accept-language': lang }) } });
  const staff = () => makeUser(t, admin, { role: 'cooperative_staff', cooperativeId: coopId });
  const me = (token: string) => send('GET', '/auth/me', { token });
  const expectInvalidToken = (res: Res) => {
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: 'TOKEN_INVALID', message: TOKEN_INVALID_VI });
  };

  beforeAll(async () => {
    t = await TestApp.start({ LOGIN_MAX_FAILURES: String(PER_ACCOUNT), LOGIN_MAX_FAILURES_PER_IP: String(PER_IP), TRUST_PROXY: 'true' });
    cheapPasswordHashing(t.app);
    send = client(t.app);
    db = t.app.get(DataSource);
    admin = await t.adminToken();
    coopId = (await makeCooperative(t, admin)).id;
  }, 90_000);
  afterAll(async () => t?.stop());

  describe('brute force', () => {
    it('locks an account after repeated failures from any address; the right password is refused during the lock', async () => {
      const user = await staff();
      for (let i = 0; i < PER_ACCOUNT; i++) {
        const res = await login(user.email, `sai-mat-khau-${i}`, newIp());
        expect(res.status).toBe(401);
        expect(res.body.code).toBe('INVALID_CREDENTIALS');
      }
      // Right password, new address, other spelling of the same login: still locked, and it says for how long.
      const locked = await login(user.email.toUpperCase(), TEST_PASSWORD, newIp());
      expect(locked.status).toBe(429);
      expect(locked.body).toMatchObject({ statusCode: 429, code: 'LOGIN_THROTTLED', requestId: expect.any(String) });
      const [, seconds] = THROTTLED_VI.exec(locked.body.message) ?? [];
      expect(Number(seconds)).toBeGreaterThanOrEqual(25);
      expect(Number(seconds)).toBeLessThanOrEqual(30);
      expect(locked.headers['retry-after']).toBe(seconds);
      const en = await login(user.email, TEST_PASSWORD, newIp(), 'en');
      expect(en.body.message).toMatch(/^Too many failed logins\. Try again in \d+ seconds$/);
      // Another account from the same kind of address is not affected.
      expect((await login(TEST_ADMIN.email, TEST_ADMIN.password, newIp())).status).toBe(200);
      // Once the lock has run out, the right password gets in and the count starts afresh.
      await db.query(`UPDATE login_throttle SET locked_until = now() - interval '1 second' WHERE key = $1`, [`acct:${user.email}`]);
      expect((await login(user.email, TEST_PASSWORD, newIp())).status).toBe(200);
      expect(await db.query(`SELECT key FROM login_throttle WHERE key = $1`, [`acct:${user.email}`])).toEqual([]);
    });

    it('locks an address that tries many accounts, for every account, and not other addresses', async () => {
      const ip = newIp();
      for (let i = 0; i < PER_IP; i++) expect((await login(`khong-co-${i}-${hex()}@test.vn`, 'x', ip)).status).toBe(401);
      const user = await staff();
      const res = await login(user.email, TEST_PASSWORD, ip);
      expect(res.status).toBe(429);
      expect(res.body.message).toMatch(THROTTLED_VI);
      expect((await login(user.email, TEST_PASSWORD, newIp())).status).toBe(200);
    });

    it('counts a burst of parallel guesses: no more are tried than the account allows', async () => {
      const user = await staff();
      const burst = await Promise.all(Array.from({ length: 24 }, (_, i) => login(user.email, `doan-${i}`, newIp())));
      const tried = burst.filter((r) => r.status === 401);
      expect(tried.length).toBeLessThanOrEqual(PER_ACCOUNT);
      expect(burst.filter((r) => r.status !== 401).every((r) => r.status === 429 && r.body.code === 'LOGIN_THROTTLED')).toBe(true);
      expect((await login(user.email, TEST_PASSWORD, newIp())).status).toBe(429);
    });

    it('counts a burst of parallel guesses from one address across accounts the same way', async () => {
      const ip = newIp();
      const burst = await Promise.all(Array.from({ length: 24 }, (_, i) => login(`dot-kich-${i}-${hex()}@test.vn`, 'x', ip)));
      expect(burst.filter((r) => r.status === 401).length).toBeLessThanOrEqual(PER_IP);
      expect(burst.filter((r) => r.status === 429).length).toBeGreaterThanOrEqual(24 - PER_IP);
    });

    it('never locks an address for right passwords: an office behind one address keeps logging in', async () => {
      const ip = newIp();
      // One failure short of the address limit, then right passwords: each is let in, none tips the lock.
      for (let i = 0; i < PER_IP - 1; i++) await login(`nham-${i}-${hex()}@test.vn`, 'x', ip);
      const user = await staff();
      for (let i = 0; i < 3; i++) expect((await login(user.email, TEST_PASSWORD, ip)).status).toBe(200);
      // The next failure is the one that locks it.
      expect((await login(`nham-cuoi-${hex()}@test.vn`, 'x', ip)).status).toBe(401);
      expect((await login(user.email, TEST_PASSWORD, ip)).status).toBe(429);
    });
  });

  describe('password change', () => {
    it('revokes every earlier login token and the user’s API tokens; only the new password and token work', async () => {
      const user = await staff();
      const ip = newIp();
      const phone = (await ok(login(user.email, TEST_PASSWORD, ip), 'login')).accessToken as string;
      const laptop = (await ok(login(user.email, TEST_PASSWORD, ip), 'login')).accessToken as string;
      const apiToken = (await ok(send('POST', '/auth/api-tokens', { token: laptop, json: { name: 'Máy tính bảng' } }), 'API token')).token as string;
      expect((await me(apiToken)).status).toBe(200);
      const changed = await send('POST', '/auth/password', { token: phone, json: { currentPassword: TEST_PASSWORD, newPassword: 'mat-khau-moi-2025' } });
      expect(changed.status).toBe(200);
      expectInvalidToken(await me(phone));
      expectInvalidToken(await me(laptop));
      expectInvalidToken(await me(apiToken));
      expect((await me(changed.body.accessToken)).status).toBe(200);
      expect((await login(user.email, TEST_PASSWORD, ip)).status).toBe(401);
      expect((await login(user.email, 'mat-khau-moi-2025', ip)).status).toBe(200);
      const tokens = await ok(send('GET', '/auth/api-tokens', { token: changed.body.accessToken }), 'list');
      expect(tokens).toEqual([expect.objectContaining({ name: 'Máy tính bảng', revokedAt: expect.any(String) })]);
    });

    it('needs the current password, even with a valid session', async () => {
      const user = await staff();
      const token = (await ok(login(user.email, TEST_PASSWORD, newIp()), 'login')).accessToken as string;
      const res = await send('POST', '/auth/password', { token, json: { currentPassword: 'doan-bua-123', newPassword: 'mat-khau-moi-2025' } });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('WRONG_CURRENT_PASSWORD');
      expect((await me(token)).status).toBe(200);
    });
  });

  describe('API tokens', () => {
    it('stop working once revoked, expired, or their user disabled; made-up ones never work', async () => {
      const user = await staff();
      const session = (await ok(login(user.email, TEST_PASSWORD, newIp()), 'login')).accessToken as string;
      const make = async (name: string) => (await ok(send('POST', '/auth/api-tokens', { token: session, json: { name } }), 'API token')) as { id: string; token: string };
      const revoked = await make('Thu hồi');
      const expired = await make('Hết hạn');
      const disabled = await make('Người dùng bị khóa');
      for (const x of [revoked, expired, disabled]) expect((await me(x.token)).status).toBe(200);

      expect((await send('DELETE', `/auth/api-tokens/${revoked.id}`, { token: session })).status).toBe(200);
      expectInvalidToken(await me(revoked.token));
      // Revoking again changes nothing and still refuses it.
      expect((await send('DELETE', `/auth/api-tokens/${revoked.id}`, { token: session })).body.revokedAt).toEqual(expect.any(String));
      expectInvalidToken(await me(revoked.token));

      await db.query(`UPDATE api_token SET expires_at = now() - interval '1 second' WHERE id = $1`, [expired.id]);
      expectInvalidToken(await me(expired.token));

      // An API token cannot be used to mint itself a longer life or a new password without the old one.
      expect((await send('POST', '/auth/password', { token: disabled.token, json: { currentPassword: 'sai', newPassword: 'mat-khau-moi-2025' } })).status).toBe(400);
      await ok(send('PATCH', `/users/${user.id}`, { token: admin, json: { active: false } }), 'disable');
      expectInvalidToken(await me(disabled.token));

      expectInvalidToken(await me(`ngn_${'A'.repeat(43)}`));
      expectInvalidToken(await me(`${disabled.token}x`));
      expectInvalidToken(await me(disabled.token.slice(0, -1)));
    });
  });

  describe('login tokens that were not issued by this service as they are', () => {
    let userId: string;
    let tv: number;
    const now = () => Math.floor(Date.now() / 1000);
    const claims = (over: object = {}) => ({ sub: userId, tv, iss: 'nguon', iat: now(), exp: now() + 3600, ...over });

    beforeAll(async () => {
      const user = await staff();
      userId = user.id;
      [{ token_version: tv }] = await db.query(`SELECT token_version FROM app_user WHERE id = $1`, [userId]);
    });

    it('accepts a token built exactly as the service builds one (so each refusal below is about its one flaw)', async () => {
      const res = await me(jwt(claims(), t.config.tokenSecret));
      expect(res.status).toBe(200);
      expect(res.body.id).toBe(userId);
    });

    it.each([
      ['signed with another secret', () => jwt(claims(), 'another-secret-that-is-also-long-enough-0123456789')],
      ['alg none, no signature', () => `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(claims())}.`],
      ['alg none, with the original signature', () => `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(claims())}.${jwt(claims(), t.config.tokenSecret).split('.')[2]}`],
      ['HS512 with the right secret (algorithm pinned to HS256)', () => jwt(claims(), t.config.tokenSecret, { alg: 'HS512', typ: 'JWT' }, 'sha512')],
      ['expired', () => jwt(claims({ iat: now() - 7200, exp: now() - 60 }), t.config.tokenSecret)],
      ['from another issuer', () => jwt(claims({ iss: 'someone-else' }), t.config.tokenSecret)],
      ['of an old token version (before a password change)', () => jwt(claims({ tv: tv - 1 }), t.config.tokenSecret)],
      ['without a token version', () => jwt(claims({ tv: undefined }), t.config.tokenSecret)],
      ['of a user who does not exist', () => jwt(claims({ sub: '00000000-0000-4000-8000-000000000000' }), t.config.tokenSecret)],
      ['tampered: payload swapped for another user’s, signature kept', () => {
        const [h, , s] = jwt(claims(), t.config.tokenSecret).split('.');
        return `${h}.${b64url(claims({ sub: '11111111-1111-4111-8111-111111111111' }))}.${s}`;
      }],
      ['tampered: one signature character changed', () => {
        const token = jwt(claims(), t.config.tokenSecret);
        return token.slice(0, -2) + (token.at(-2) === 'A' ? 'B' : 'A') + token.at(-1);
      }],
      ['not a JWT at all', () => 'eyJhbGciOiJIUzI1NiJ9.bm90LWpzb24.c2ln'],
    ])('refuses a token %s', async (_name, make) => {
      expectInvalidToken(await me(make()));
    });

    it('takes the token only from the Authorization header, as a Bearer token', async () => {
      const good = jwt(claims(), t.config.tokenSecret);
      const anonymous = [
        await send('GET', `/auth/me?access_token=${good}`),
        await send('GET', '/auth/me', { headers: { authorization: `Basic ${good}` } }),
        await send('GET', '/auth/me', { headers: { authorization: good } }),
        await send('GET', '/auth/me', { headers: { cookie: `token=${good}` } }),
      ];
      for (const res of anonymous) expect(res.body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
    });
  });
});

import { DataSource } from 'typeorm';
import { bearer, TEST_ADMIN, TEST_PASSWORD, TestApp } from '../utils/test-app';
import { makeCooperative, makeUser } from '../utils/world';

describe('auth', () => {
  let t: TestApp;
  let admin: string;
  let coopId: string;

  beforeAll(async () => {
    t = await TestApp.start({ LOGIN_MAX_FAILURES: '3', LOGIN_MAX_FAILURES_PER_IP: '100' });
    admin = await t.adminToken();
    coopId = (await makeCooperative(t, admin)).id;
  });
  afterAll(async () => t?.stop());

  it('logs in with email, any case, and returns the user without secrets', async () => {
    const res = await t.http().post('/auth/login').send({ login: TEST_ADMIN.email.toUpperCase(), password: TEST_ADMIN.password });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 43200, user: { email: TEST_ADMIN.email, role: 'admin' } });
    expect(JSON.stringify(res.body)).not.toMatch(/passwordHash|scrypt/);
    const me = await t.http().get('/auth/me').set(bearer(res.body.accessToken));
    expect(me.body.email).toBe(TEST_ADMIN.email);
  });

  it('logs in with a Vietnamese phone number written any usual way', async () => {
    await makeUser(t, admin, { email: undefined, phone: '0987 111 222', role: 'cooperative_staff', cooperativeId: coopId });
    for (const login of ['0987111222', '+84 987 111 222', '84987111222']) {
      const res = await t.http().post('/auth/login').send({ login, password: TEST_PASSWORD });
      expect(res.status).toBe(200);
      expect(res.body.user.phone).toBe('+84987111222');
    }
  });

  it('rejects a wrong password with one error shape, in Vietnamese by default and English on request', async () => {
    const { email } = await makeUser(t, admin, { role: 'cooperative_staff', cooperativeId: coopId });
    const vi = await t.http().post('/auth/login').send({ login: email, password: 'wrong-password' });
    expect(vi.status).toBe(401);
    expect(vi.body).toEqual({ statusCode: 401, code: 'INVALID_CREDENTIALS', message: 'Sai tài khoản hoặc mật khẩu', requestId: expect.any(String) });
    expect(vi.headers['x-request-id']).toBe(vi.body.requestId);
    const en = await t.http().post('/auth/login').set('accept-language', 'en-US,en;q=0.8').send({ login: 'nobody@test.vn', password: 'x' });
    expect(en.body.message).toBe('Wrong login or password');
  });

  it('locks an account after repeated failures, even for the right password, and says when to retry', async () => {
    const { email } = await makeUser(t, admin, { role: 'cooperative_staff', cooperativeId: coopId });
    for (let i = 0; i < 3; i++) {
      expect((await t.http().post('/auth/login').send({ login: email, password: `bad-${i}` })).status).toBe(401);
    }
    const locked = await t.http().post('/auth/login').send({ login: email, password: TEST_PASSWORD });
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('LOGIN_THROTTLED');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThanOrEqual(25);
    expect(Number(locked.headers['retry-after'])).toBeLessThanOrEqual(30);
    // Another account is not affected.
    expect((await t.http().post('/auth/login').send({ login: TEST_ADMIN.email, password: TEST_ADMIN.password })).status).toBe(200);
  });

  it('backs off longer with each further failure and forgets after a success', async () => {
    const { email } = await makeUser(t, admin, { role: 'cooperative_staff', cooperativeId: coopId });
    // Simulate an expired lock after 3 failures, then fail once more: the lock doubles.
    for (let i = 0; i < 3; i++) await t.http().post('/auth/login').send({ login: email, password: 'bad' });
    const ds = t.app.get(DataSource);
    await ds.query(`UPDATE login_throttle SET locked_until = now() - interval '1 second' WHERE key = $1`, [`acct:${email}`]);
    await t.http().post('/auth/login').send({ login: email, password: 'bad' });
    const res = await t.http().post('/auth/login').send({ login: email, password: TEST_PASSWORD });
    expect(res.status).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(30);
    await ds.query(`UPDATE login_throttle SET locked_until = NULL WHERE key = $1`, [`acct:${email}`]);
    expect((await t.http().post('/auth/login').send({ login: email, password: TEST_PASSWORD })).status).toBe(200);
    const [row] = await ds.query(`SELECT count(*)::int AS n FROM login_throttle WHERE key = $1`, [`acct:${email}`]);
    expect(row.n).toBe(0);
  });

  it('throttles one client address trying many accounts', async () => {
    const ip = '203.0.113.77';
    const fresh = await TestApp.start({ LOGIN_MAX_FAILURES_PER_IP: '4', TRUST_PROXY: 'true' });
    try {
      for (let i = 0; i < 4; i++) {
        await fresh.http().post('/auth/login').set('x-forwarded-for', ip).send({ login: `user${i}@test.vn`, password: 'x' });
      }
      const res = await fresh.http().post('/auth/login').set('x-forwarded-for', ip).send({ login: TEST_ADMIN.email, password: TEST_ADMIN.password });
      expect(res.status).toBe(429);
      const other = await fresh.http().post('/auth/login').set('x-forwarded-for', '198.51.100.1').send({ login: TEST_ADMIN.email, password: TEST_ADMIN.password });
      expect(other.status).toBe(200);
    } finally {
      await fresh.stop();
    }
  });

  it('revokes older tokens when the password changes', async () => {
    const { email } = await makeUser(t, admin, { role: 'cooperative_staff', cooperativeId: coopId });
    const oldToken = await t.login(email);
    const wrong = await t.http().post('/auth/password').set(bearer(oldToken)).send({ currentPassword: 'nope', newPassword: 'a-new-password-1' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.details).toEqual([{ field: 'currentPassword', message: 'Mật khẩu hiện tại không đúng' }]);
    const short = await t.http().post('/auth/password').set(bearer(oldToken)).send({ currentPassword: TEST_PASSWORD, newPassword: 'short' });
    expect(short.status).toBe(400);
    expect(short.body.details[0].field).toBe('newPassword');
    const changed = await t.http().post('/auth/password').set(bearer(oldToken)).send({ currentPassword: TEST_PASSWORD, newPassword: 'a-new-password-1' });
    expect(changed.status).toBe(200);
    expect((await t.http().get('/auth/me').set(bearer(oldToken))).status).toBe(401);
    expect((await t.http().get('/auth/me').set(bearer(changed.body.accessToken))).status).toBe(200);
    expect((await t.http().post('/auth/login').send({ login: email, password: TEST_PASSWORD })).status).toBe(401);
    expect((await t.http().post('/auth/login').send({ login: email, password: 'a-new-password-1' })).status).toBe(200);
  });

  it('rejects missing, malformed and forged tokens', async () => {
    const none = await t.http().get('/auth/me');
    expect(none.status).toBe(401);
    expect(none.body.code).toBe('UNAUTHENTICATED');
    expect((await t.http().get('/auth/me').set(bearer('not-a-jwt'))).body.code).toBe('TOKEN_INVALID');
    const [h, p] = admin.split('.');
    expect((await t.http().get('/auth/me').set(bearer(`${h}.${p}.forgedsignature`))).status).toBe(401);
  });

  it('issues API tokens shown once, stored hashed, usable, listable and revocable', async () => {
    const created = await t.http().post('/auth/api-tokens').set(bearer(admin)).send({ name: 'Phần mềm kế toán', expiresInDays: 30 });
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^ngn_[A-Za-z0-9_-]{43}$/);
    expect(created.body.token.startsWith(created.body.prefix)).toBe(true);
    const ds = t.app.get(DataSource);
    const stored = await ds.query(`SELECT token_hash FROM api_token WHERE id = $1`, [created.body.id]);
    expect(stored[0].token_hash).not.toContain(created.body.token.slice(4));
    const me = await t.http().get('/auth/me').set(bearer(created.body.token));
    expect(me.status).toBe(200);
    expect(me.body.email).toBe(TEST_ADMIN.email);
    const list = await t.http().get('/auth/api-tokens').set(bearer(admin));
    expect(list.body.find((x: { id: string }) => x.id === created.body.id)).toMatchObject({ name: 'Phần mềm kế toán', lastUsedAt: expect.any(String) });
    expect(JSON.stringify(list.body)).not.toContain(created.body.token);
    const revoked = await t.http().delete(`/auth/api-tokens/${created.body.id}`).set(bearer(admin));
    expect(revoked.body.revokedAt).toEqual(expect.any(String));
    expect((await t.http().get('/auth/me').set(bearer(created.body.token))).status).toBe(401);
  });

  it('stops a disabled user at once, including their open sessions', async () => {
    const user = await makeUser(t, admin, { role: 'cooperative_staff', cooperativeId: coopId });
    const token = await t.login(user.email);
    await t.http().patch(`/users/${user.id}`).set(bearer(admin)).send({ active: false }).expect(200);
    expect((await t.http().get('/auth/me').set(bearer(token))).status).toBe(401);
    const login = await t.http().post('/auth/login').send({ login: user.email, password: TEST_PASSWORD });
    expect(login.status).toBe(403);
    expect(login.body.code).toBe('ACCOUNT_DISABLED');
  });

  it('stores passwords with a memory-hard hash', async () => {
    const ds = t.app.get(DataSource);
    const [row] = await ds.query(`SELECT password_hash FROM app_user WHERE email = $1`, [TEST_ADMIN.email]);
    expect(row.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
  });
});

import { randomBytes } from 'node:crypto';
import { bearer, TEST_PASSWORD, TestApp } from './test-app';

// A small world for scoping tests: cooperative A in Hải Phòng (31), B in Ninh Bình (37), and one user
// of each kind. Officer "in" covers 31; officer "out" covers Thanh Hóa (38) only.
export interface World {
  admin: string;
  coopA: { id: string };
  coopB: { id: string };
  tokens: {
    admin: string;
    officerIn: string;
    officerOut: string;
    managerA: string;
    staffA: string;
    managerB: string;
    staffB: string;
  };
  users: Record<string, { id: string; email: string }>;
}

export async function makeCooperative(t: TestApp, token: string, overrides: Record<string, unknown> = {}) {
  const res = await t
    .http()
    .post('/cooperatives')
    .set(bearer(token))
    .send({ name: `Hợp tác xã Thử ${randomBytes(3).toString('hex')}`, address: { communeCode: 11065 }, ...overrides });
  if (res.status !== 201) throw new Error(`create cooperative failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; [k: string]: unknown };
}

export async function makeUser(t: TestApp, token: string, body: Record<string, unknown>) {
  const email = `${randomBytes(4).toString('hex')}@test.vn`;
  const res = await t.http().post('/users').set(bearer(token)).send({ email, fullName: 'Người Thử', password: TEST_PASSWORD, ...body });
  if (res.status !== 201) throw new Error(`create user failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.id as string, email: (res.body.email ?? email) as string };
}

export async function makeWorld(t: TestApp): Promise<World> {
  const admin = await t.adminToken();
  const coopA = await makeCooperative(t, admin, { name: 'HTX A Hải Phòng', address: { communeCode: 11065 } });
  const coopB = await makeCooperative(t, admin, { name: 'HTX B Ninh Bình', address: { communeCode: 13531 } });
  const users = {
    officerIn: await makeUser(t, admin, { role: 'officer', provinceCodes: [31] }),
    officerOut: await makeUser(t, admin, { role: 'officer', provinceCodes: [38] }),
    managerA: await makeUser(t, admin, { role: 'cooperative_manager', cooperativeId: coopA.id }),
    staffA: await makeUser(t, admin, { role: 'cooperative_staff', cooperativeId: coopA.id }),
    managerB: await makeUser(t, admin, { role: 'cooperative_manager', cooperativeId: coopB.id }),
    staffB: await makeUser(t, admin, { role: 'cooperative_staff', cooperativeId: coopB.id }),
  };
  const tokens = {
    admin,
    officerIn: await t.login(users.officerIn.email),
    officerOut: await t.login(users.officerOut.email),
    managerA: await t.login(users.managerA.email),
    staffA: await t.login(users.staffA.email),
    managerB: await t.login(users.managerB.email),
    staffB: await t.login(users.staffB.email),
  };
  return { admin, coopA, coopB, tokens, users };
}

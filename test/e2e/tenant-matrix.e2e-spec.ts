import { bearer, TEST_PASSWORD, TestApp } from '../utils/test-app';
import { makeWorld, World } from '../utils/world';
import { tinyPng } from '../utils/images';

type Actor = keyof World['tokens'];
const ACTORS: Actor[] = ['admin', 'officerIn', 'officerOut', 'managerA', 'staffA', 'managerB', 'staffB'];

// Who may do what to cooperative A (Hải Phòng, province 31). 404 where the actor may not even know it exists.
const MATRIX: Record<string, Record<Actor, number>> = {
  'GET /cooperatives/A': { admin: 200, officerIn: 200, officerOut: 404, managerA: 200, staffA: 200, managerB: 404, staffB: 404 },
  'PATCH /cooperatives/A': { admin: 200, officerIn: 200, officerOut: 404, managerA: 200, staffA: 403, managerB: 404, staffB: 404 },
  'PUT /cooperatives/A/logo': { admin: 200, officerIn: 200, officerOut: 404, managerA: 200, staffA: 403, managerB: 404, staffB: 404 },
  'POST /cooperatives (in 31)': { admin: 201, officerIn: 201, officerOut: 403, managerA: 403, staffA: 403, managerB: 403, staffB: 403 },
  'POST /users (staff of A)': { admin: 201, officerIn: 201, officerOut: 404, managerA: 201, staffA: 403, managerB: 404, staffB: 403 },
  'GET /users/staffA': { admin: 200, officerIn: 200, officerOut: 404, managerA: 200, staffA: 200, managerB: 404, staffB: 404 },
};

describe('tenant isolation matrix', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await TestApp.start();
    w = await makeWorld(t);
  });
  afterAll(async () => t?.stop());

  const call = (route: string, actor: Actor) => {
    const auth = bearer(w.tokens[actor]);
    const a = w.coopA.id;
    switch (route) {
      case 'GET /cooperatives/A':
        return t.http().get(`/cooperatives/${a}`).set(auth);
      case 'PATCH /cooperatives/A':
        return t.http().patch(`/cooperatives/${a}`).set(auth).send({ legalRepresentative: `Đổi bởi ${actor}` });
      case 'PUT /cooperatives/A/logo':
        return t.http().put(`/cooperatives/${a}/logo`).set(auth).attach('file', tinyPng(), 'logo.png');
      case 'POST /cooperatives (in 31)':
        return t.http().post('/cooperatives').set(auth).send({ name: `HTX mới của ${actor}`, address: { communeCode: 11065 } });
      case 'POST /users (staff of A)':
        return t.http().post('/users').set(auth).send({
          email: `${actor}.${Date.now()}@test.vn`, fullName: 'Nhân viên mới', password: TEST_PASSWORD, role: 'cooperative_staff', cooperativeId: a,
        });
      case 'GET /users/staffA':
        return t.http().get(`/users/${w.users.staffA.id}`).set(auth);
      default:
        throw new Error(route);
    }
  };

  for (const [route, expected] of Object.entries(MATRIX)) {
    for (const actor of ACTORS) {
      it(`${route} as ${actor} → ${expected[actor]}`, async () => {
        const res = await call(route, actor);
        expect(res.status).toBe(expected[actor]);
        if (res.status >= 400) {
          expect(res.body).toMatchObject({ statusCode: res.status, code: expect.any(String), requestId: expect.any(String) });
          // A refusal never carries the other tenant's data.
          expect(JSON.stringify(res.body)).not.toContain('HTX A Hải Phòng');
        }
      });
    }
  }

  it('refused changes leave the cooperative untouched', async () => {
    const res = await t.http().get(`/cooperatives/${w.coopA.id}`).set(bearer(w.tokens.admin));
    // The last successful PATCH in the matrix was by managerA; staffA, managerB, officerOut were refused.
    expect(res.body.legalRepresentative).toBe('Đổi bởi managerA');
  });

  it('lists only what each actor may see', async () => {
    const names = async (actor: Actor) => {
      const res = await t.http().get('/cooperatives?pageSize=100').set(bearer(w.tokens[actor]));
      return (res.body.items as { name: string }[]).map((c) => c.name).filter((n) => n.startsWith('HTX A') || n.startsWith('HTX B'));
    };
    expect((await names('admin')).sort()).toEqual(['HTX A Hải Phòng', 'HTX B Ninh Bình']);
    expect(await names('officerIn')).toEqual(['HTX A Hải Phòng']);
    expect(await names('officerOut')).toEqual([]);
    expect(await names('managerA')).toEqual(['HTX A Hải Phòng']);
    expect(await names('staffB')).toEqual(['HTX B Ninh Bình']);
  });

  it('lists users within scope only', async () => {
    const ids = async (actor: Actor) =>
      ((await t.http().get('/users?pageSize=100').set(bearer(w.tokens[actor]))).body.items as { id: string }[]).map((u) => u.id);
    expect(await ids('managerB')).not.toContain(w.users.staffA.id);
    expect(await ids('managerA')).toContain(w.users.staffA.id);
    expect(await ids('officerOut')).not.toContain(w.users.staffA.id);
    expect(await ids('officerIn')).toContain(w.users.staffA.id);
  });

  it('an officer cannot move a cooperative out of their provinces', async () => {
    const res = await t.http().patch(`/cooperatives/${w.coopA.id}`).set(bearer(w.tokens.officerIn)).send({ address: { communeCode: 13531 } });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('COOPERATIVE_OUTSIDE_OFFICER_PROVINCES');
  });

  it('only admins create officers and admins', async () => {
    for (const actor of ['officerIn', 'managerA'] as Actor[]) {
      const res = await t.http().post('/users').set(bearer(w.tokens[actor])).send({
        email: `x.${actor}@test.vn`, fullName: 'Cán bộ', password: TEST_PASSWORD, role: 'officer', provinceCodes: [31],
      });
      expect(res.status).toBe(403);
    }
  });

  it('a manager cannot place a user in another cooperative', async () => {
    const res = await t.http().post('/users').set(bearer(w.tokens.managerA)).send({
      email: 'sneaky@test.vn', fullName: 'Người lạ', password: TEST_PASSWORD, role: 'cooperative_manager', cooperativeId: w.coopB.id,
    });
    expect(res.status).toBe(404);
  });

  it('staff cannot disable colleagues; managers can within their cooperative only', async () => {
    expect((await t.http().patch(`/users/${w.users.managerA.id}`).set(bearer(w.tokens.staffA)).send({ active: false })).status).toBe(403);
    expect((await t.http().patch(`/users/${w.users.staffB.id}`).set(bearer(w.tokens.managerA)).send({ active: false })).status).toBe(404);
    expect((await t.http().patch(`/users/${w.users.staffA.id}`).set(bearer(w.tokens.managerA)).send({ active: false })).status).toBe(200);
  });
});

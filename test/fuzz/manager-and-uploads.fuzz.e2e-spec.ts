import { casesFor, FUZZ_NARROWED, FuzzRunner, openApiOf, Operation, operationsOf, report } from './fuzz-kit';
import { sheetTemplates, uploadCases } from './fuzz-uploads';
import { FuzzWorld, makeFuzzWorld } from './fuzz-world';

// The second pass, as the manager of cooperative A, over every route that needs a login (the cases that
// get past Fastify and the DTO checks into the role-scoped services), and every multipart upload route as
// admin and manager. One world for both, so the fuzz files cost two app start-ups in all.
describe('fuzz: as a cooperative manager, and every upload route', () => {
  let world: FuzzWorld;
  let ops: Operation[];
  beforeAll(async () => {
    world = await makeFuzzWorld();
    ops = operationsOf(await openApiOf(world));
  }, 120_000);
  afterAll(async () => world?.t.stop());

  it('answers a manager’s bad input with a 4xx in the error contract, never a 5xx', async () => {
    // /auth/* (login, own password, own API tokens) runs the same code for every role: the admin pass has it.
    const secured = ops.filter((op) => op.secured && !op.path.startsWith('/auth/'));
    if (!FUZZ_NARROWED) expect(secured.length).toBeGreaterThan(70);
    const runner = new FuzzRunner(world);
    try {
      for (const op of secured) await runner.runCases(casesFor(op, 'manager', world, 'scoped'));
    } finally {
      runner.close();
    }
    const summary = runner.summary();
    const text = report('manager', summary, runner.opStats, runner.trace);
    if (summary.failures.length) throw new Error(text);
  }, 600_000);

  it('answers broken uploads with a 4xx in the error contract, never a 5xx', async () => {
    const uploads = ops.filter((op) => op.multipart);
    if (!FUZZ_NARROWED) {
      expect(uploads.map((op) => op.key)).toEqual(
        expect.arrayContaining(['POST /bulk-publish/upload', 'POST /onboarding/{kind}', 'POST /products/{id}/images', 'PUT /cooperatives/{id}/logo', 'PUT /certifications/{id}/file']),
      );
    }
    const templates = await sheetTemplates(world);
    const runner = new FuzzRunner(world);
    try {
      for (const role of ['admin', 'manager'] as const) {
        for (const op of uploads) await runner.runCases(uploadCases(op, role, templates));
      }
    } finally {
      runner.close();
    }
    const summary = runner.summary();
    const text = report('uploads', summary, runner.opStats, runner.trace);
    if (summary.failures.length) throw new Error(text);
  }, 600_000);
});

export default async function globalTeardown() {
  await globalThis.__NGUON_TEST_PG__?.stop();
}

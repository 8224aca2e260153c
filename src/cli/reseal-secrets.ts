import 'reflect-metadata';
import { Client } from 'pg';
import pino from 'pino';
import { createApp } from '../app.factory';
import { AppConfig } from '../config/app-config';
import { ConfigError, loadConfig } from '../config/load-config';
import { EmbeddedDatabase } from '../database/embedded-database';
import { JobQueue } from '../jobs/job-queue';
import { describeResealReport, resealSecrets } from './secret-reseal';

// `npm run secrets:reseal`: after a DATA_ENCRYPTION_KEY rotation (new key in DATA_ENCRYPTION_KEY, old
// one in DATA_ENCRYPTION_KEYS_PREVIOUS), re-seals stored secrets with the new key and says what is
// still tied to the old one. Same configuration as the server; safe to run while it runs, and again.
async function main(): Promise<number> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : error);
    return 1;
  }
  // Quieter than the server, and on stderr: stdout carries the report only.
  if (['info', 'debug', 'trace'].includes(config.logLevel)) config.logLevel = 'warn';
  let embedded: EmbeddedDatabase | undefined;
  let app: Awaited<ReturnType<typeof createApp>> | undefined;
  try {
    embedded = await startEmbeddedIfStopped(config);
    app = await createApp(config, { logStream: pino.destination(2) });
    // This process is not a worker: the server's workers keep the background jobs.
    await app.get(JobQueue).stopWorkers();
    console.log('Đang niêm phong lại dữ liệu bí mật bằng khóa hiện tại / re-sealing stored secrets with the current key…');
    const report = await resealSecrets(app);
    console.log(describeResealReport(report));
    console.log(report.notOpenable ? 'Chưa xong / not finished.' : 'Xong / done.');
    return report.notOpenable ? 2 : 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return 1;
  } finally {
    await app?.close().catch((e) => console.error(e));
    await embedded?.stop().catch((e) => console.error(e));
  }
}

// Embedded mode: use the server's PostgreSQL if it is up (starting another on the same folder would
// stop it); otherwise start it for the run, and stop it after.
async function startEmbeddedIfStopped(config: AppConfig): Promise<EmbeddedDatabase | undefined> {
  if (config.database.mode !== 'embedded') return undefined;
  const probe = new Client({ connectionString: config.database.url, connectionTimeoutMillis: 3_000 });
  try {
    await probe.connect();
    await probe.end();
    return undefined;
  } catch {
    await probe.end().catch(() => undefined);
  }
  const db = new EmbeddedDatabase({
    dataDir: config.dataDir,
    port: config.database.embeddedPort,
    password: decodeURIComponent(new URL(config.database.url).password),
    database: 'nguon',
    log: (m) => console.error(m),
  });
  await db.start();
  return db;
}

void main().then((code) => process.exit(code));

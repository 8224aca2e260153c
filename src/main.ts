import 'reflect-metadata';
import { createApp } from './app.factory';
import { FirstRunService } from './bootstrap/first-run.service';
import { AppConfig } from './config/app-config';
import { ConfigError, loadConfig } from './config/load-config';
import { EmbeddedDatabase } from './database/embedded-database';
import { StampsService } from './stamps/stamps.service';
import { DEMO_SANDBOX_ACCOUNTS } from './marketplaces/sandbox/demo-sandbox-accounts';
import { startSandboxMarketplace } from './marketplaces/sandbox/sandbox.server';
import { printWelcome } from './welcome';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const embedded = await startEmbeddedDatabase(config);
  // Demo mode runs the sandbox marketplace in-process, so bulk publishing to "Postmart" and "Voso" works
  // without any outside service. Its state lives in memory and starts empty at each start.
  const sandbox = config.demoData ? await startDemoSandbox(config) : undefined;
  let app: Awaited<ReturnType<typeof createApp>> | undefined;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: đang dừng / shutting down…`);
    await app?.close().catch((e) => console.error(e));
    await sandbox?.close().catch((e) => console.error(e));
    await embedded?.stop().catch((e) => console.error(e));
    console.log('Đã dừng / stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  try {
    app = await createApp(config);
    const outcome = await app.get(FirstRunService).run();
    await app.listen({ port: config.port, host: config.host });
    // Uptime includes loading the code and starting PostgreSQL: what a person waits for.
    const sampleStamp = config.demoData ? await app.get(StampsService).sampleStampUrl() : null;
    printWelcome(config, outcome, process.uptime() * 1000, sampleStamp, sandbox?.url ?? null);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await app?.close().catch(() => undefined);
    await sandbox?.close().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    process.exit(1);
  }
}

async function startDemoSandbox(config: AppConfig) {
  try {
    return await startSandboxMarketplace({ host: '127.0.0.1', port: config.sandboxPort, accounts: DEMO_SANDBOX_ACCOUNTS, review: { afterReads: 1 } });
  } catch (error) {
    console.error(`Sàn thử nghiệm không khởi động được / the demo sandbox marketplace could not start on port ${config.sandboxPort} (set SANDBOX_PORT): ${(error as Error).message}`);
    process.exit(1);
  }
}

function loadConfigOrExit(): AppConfig {
  try {
    return loadConfig();
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  }
}

async function startEmbeddedDatabase(config: AppConfig): Promise<EmbeddedDatabase | undefined> {
  if (config.database.mode !== 'embedded') return undefined;
  const password = new URL(config.database.url).password;
  const db = new EmbeddedDatabase({
    dataDir: config.dataDir,
    port: config.database.embeddedPort,
    password: decodeURIComponent(password),
    database: 'nguon',
    log: (m) => console.log(m),
  });
  try {
    await db.start();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
  return db;
}

void main();

import { startSandboxMarketplace } from './sandbox.server';

// `npm run sandbox [-- --port=4010]`: the sandbox marketplace on loopback, with one demo account per
// marketplace so the adapters can be tried by hand. Flags rather than env vars: this process is not
// the service and does not read its configuration.

function flag(name: string): string | undefined {
  const prefix = `--${name}=`;
  return process.argv.find((a) => a.startsWith(prefix))?.slice(prefix.length);
}

async function main(): Promise<void> {
  const sandbox = await startSandboxMarketplace({
    port: Number(flag('port') ?? 4010),
    host: '127.0.0.1',
    tokenTtlSec: flag('token-ttl') ? Number(flag('token-ttl')) : undefined,
    rateLimit: flag('rps') ? { requestsPerSecond: Number(flag('rps')) } : undefined,
    accounts: [
      { marketplace: 'postmart', username: 'htx-demo', password: 'demo-password', customerCode: 'C0001', accountId: 'postmart-demo' },
      { marketplace: 'voso', username: 'htx-demo', password: 'demo-password', accountId: 'voso-demo' },
    ],
  });
  console.log(`Sàn thử nghiệm (sandbox marketplace) at ${sandbox.url}`);
  console.log(`  Postmart: ${sandbox.url}/postmart  (htx-demo / demo-password / customerCode C0001)`);
  console.log(`  Voso:     ${sandbox.url}/voso      (htx-demo / demo-password)`);
  console.log(`  Admin:    ${sandbox.url}/__admin/state`);
  const stop = () => void sandbox.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

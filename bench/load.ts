// Load generator, run as its own process so it does not share the server's event loop:
//   node dist/bench/bench/load.js <url> <duration s> <connections> <paths file>
import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';

async function main(): Promise<void> {
  const [url, duration, connections, pathsFile] = process.argv.slice(2);
  const paths: string[] = JSON.parse(readFileSync(pathsFile, 'utf8'));
  let i = 0;
  const result = await autocannon({
    url,
    connections: Number(connections),
    duration: Number(duration),
    requests: [{ method: 'GET', setupRequest: (req: { path: string }) => ({ ...req, path: paths[i++ % paths.length] }) }],
  });
  process.stdout.write(
    JSON.stringify({ rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors, non2xx: result.non2xx }),
  );
}

void main();

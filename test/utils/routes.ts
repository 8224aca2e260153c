import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** Every "METHOD /path" the app serves (OpenAPI style {params}), read from Fastify's own route tree. */
export function servedRoutes(app: NestFastifyApplication): string[] {
  const tree = (app.getHttpAdapter().getInstance() as unknown as { printRoutes(o: object): string }).printRoutes({ commonPrefix: false });
  const stack: string[] = [];
  const routes: string[] = [];
  for (const line of tree.split('\n')) {
    const match = /^([│ ]*)[├└]── (\S+)(?: \(([^)]+)\))?/.exec(line);
    if (!match) continue;
    const depth = match[1].length / 4;
    const path = (stack[depth - 1] ?? '') + match[2];
    stack[depth] = path;
    stack.length = depth + 1;
    for (const method of (match[3] ?? '').split(',').map((m) => m.trim()).filter(Boolean)) {
      if (method === 'HEAD' || method === 'OPTIONS') continue;
      routes.push(`${method} ${path.replace(/:(\w+)/g, '{$1}')}`);
    }
  }
  return routes;
}

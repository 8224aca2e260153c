import type { FirstRunOutcome } from './bootstrap/first-run.service';
import { DEMO_PASSWORD, DEMO_USERS } from './bootstrap/demo-data';
import type { AppConfig } from './config/app-config';

// What a newcomer sees after `npm start`: where to click and how to log in.
export function printWelcome(
  config: AppConfig,
  outcome: FirstRunOutcome,
  elapsedMs: number,
  sampleStampUrl: string | null,
  sandboxUrl: string | null,
): void {
  const base = config.publicBaseUrl;
  const lines = [
    '',
    `Nguồn đang chạy / is running (${(elapsedMs / 1000).toFixed(1)} s)`,
    `  API docs (OpenAPI UI):   ${base}/docs`,
    `  OpenAPI JSON:            ${base}/docs/openapi.json`,
    `  Health:                  ${base}/health/ready`,
    `  Metrics (Prometheus):    ${base}/metrics${config.metricsToken ? '  (Bearer METRICS_TOKEN)' : ''}`,
    `  Provinces (public):      ${base}/admin-units/provinces`,
    ...(sampleStampUrl ? [`  Origin page of a stamp:  ${sampleStampUrl}`, `  (as JSON:                curl -H 'accept: application/json' '${sampleStampUrl}')`] : []),
    ...(sandboxUrl ? [`  Sandbox marketplace:     ${sandboxUrl}/__admin/state  (demo Postmart and Voso, in memory)`] : []),
    `  Database:                ${config.database.mode === 'embedded' ? `embedded PostgreSQL, data in ${config.dataDir}/pg` : 'DATABASE_URL'}`,
  ];
  if (config.demoData) {
    lines.push(
      '',
      outcome === 'demo-seeded' ? 'Dữ liệu mẫu đã được tạo / demo data seeded.' : 'Dữ liệu mẫu / demo data (from an earlier start):',
      `  Demo logins (password "${DEMO_PASSWORD}" unless changed):`,
      ...DEMO_USERS.map((u) => `    ${(u.email ?? u.phone!).padEnd(26)} ${u.role.padEnd(20)} ${u.fullName}`),
      '',
      '  Try:',
      `    curl -s -X POST ${base}/auth/login -H 'content-type: application/json' \\`,
      `      -d '{"login":"canbo@nguon.demo","password":"${DEMO_PASSWORD}"}'`,
      `    curl -s ${base}/cooperatives -H "authorization: Bearer <accessToken>"`,
      '  Bulk-publish the demo products to the sandbox Postmart and Voso: see README, "Marketplaces".',
    );
  }
  lines.push('', 'Ctrl-C để dừng / to stop.', '');
  console.log(lines.join('\n'));
}

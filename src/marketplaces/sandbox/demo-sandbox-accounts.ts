import type { SandboxAccountInput } from './sandbox.types';

// Seller accounts of the demo cooperatives on the in-process sandbox marketplace (demo mode only).
// The demo seeder connects the same credentials to Nguồn, so bulk publishing works out of the box.
export const DEMO_SANDBOX_ACCOUNTS: (SandboxAccountInput & { cooperative: 'tanMinhDuc' | 'vuBan' })[] = [
  { cooperative: 'tanMinhDuc', marketplace: 'postmart', accountId: 'pm-tan-minh-duc', username: 'htx-tanminhduc', password: 'demo-postmart-1', customerCode: 'C0101' },
  { cooperative: 'tanMinhDuc', marketplace: 'voso', accountId: 'vs-tan-minh-duc', username: 'htx-tanminhduc', password: 'demo-voso-1' },
  { cooperative: 'vuBan', marketplace: 'postmart', accountId: 'pm-vu-ban', username: 'htx-vuban', password: 'demo-postmart-2', customerCode: 'C0102' },
  { cooperative: 'vuBan', marketplace: 'voso', accountId: 'vs-vu-ban', username: 'htx-vuban', password: 'demo-voso-2' },
];

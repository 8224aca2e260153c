import { PostmartAdapter } from '../../src/marketplaces/adapters/postmart/postmart.adapter';
import { VosoAdapter } from '../../src/marketplaces/adapters/voso/voso.adapter';
import type { SandboxAccountInput } from '../../src/marketplaces/sandbox/sandbox.types';
import type { AdapterCase } from './marketplace-fixtures';

export const SANDBOX_ACCOUNTS: SandboxAccountInput[] = [
  { marketplace: 'postmart', username: 'htx-vu-ban', password: 'mat-khau-pm', customerCode: 'C0042', accountId: 'pm-vu-ban' },
  { marketplace: 'voso', username: 'htx-vu-ban', password: 'mat-khau-vs', accountId: 'vs-vu-ban' },
];

export const ADAPTER_CASES: AdapterCase[] = [
  {
    name: 'postmart',
    make: (timeoutMs = 5_000) => new PostmartAdapter({ timeoutMs }),
    accountId: 'pm-vu-ban',
    credentials: (url) => ({ baseUrl: `${url}/postmart`, username: 'htx-vu-ban', password: 'mat-khau-pm', customerCode: 'C0042' }),
    wireField: { categoryName: 'categoryName', price: 'price' },
  },
  {
    name: 'voso',
    make: (timeoutMs = 5_000) => new VosoAdapter({ timeoutMs }),
    accountId: 'vs-vu-ban',
    credentials: (url) => ({ baseUrl: `${url}/voso`, username: 'htx-vu-ban', password: 'mat-khau-vs' }),
    wireField: { categoryName: 'CATEGORY_NAME', price: 'PRICE' },
  },
];

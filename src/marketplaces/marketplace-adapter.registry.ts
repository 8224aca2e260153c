import { Inject, Injectable } from '@nestjs/common';
import { DomainException } from '../common/errors/domain.exception';
import { MARKETPLACE_ADAPTERS, MARKETPLACE_CODES, MarketplaceAdapter, MarketplaceCode } from './marketplace-adapter';
import { MarketplaceErrorCode } from './marketplace-error-code';

/**
 * Throws unless every known marketplace code has exactly one adapter. Run while the module is built,
 * so a missing or doubled registration stops start-up instead of failing the first publish job.
 */
export function assertAdapterCoverage(adapters: readonly MarketplaceAdapter[], codes: readonly string[] = MARKETPLACE_CODES): void {
  const problems: string[] = [];
  for (const code of codes) {
    const count = adapters.filter((a) => a.code === code).length;
    if (count !== 1) problems.push(`${code}: ${count} adapters`);
  }
  for (const adapter of adapters) {
    if (!codes.includes(adapter.code)) problems.push(`${adapter.code}: not in MARKETPLACE_CODES`);
  }
  if (problems.length > 0) {
    throw new Error(`Marketplace adapters misconfigured (each code needs exactly one): ${problems.join('; ')}`);
  }
}

@Injectable()
export class MarketplaceAdapterRegistry {
  private readonly byCode: ReadonlyMap<string, MarketplaceAdapter>;

  constructor(@Inject(MARKETPLACE_ADAPTERS) adapters: MarketplaceAdapter[]) {
    assertAdapterCoverage(adapters);
    this.byCode = new Map(adapters.map((a) => [a.code, a]));
  }

  /** The adapter for a code stored on an account row; unknown codes are a caller error, not a crash. */
  getOrThrow(code: string): MarketplaceAdapter {
    const adapter = this.byCode.get(code);
    if (!adapter) {
      throw new DomainException(MarketplaceErrorCode.ADAPTER_NOT_FOUND, {
        vi: `Không hỗ trợ sàn thương mại điện tử "${code}"`,
        en: `Unsupported marketplace "${code}"`,
      });
    }
    return adapter;
  }

  all(): MarketplaceAdapter[] {
    return [...this.byCode.values()];
  }

  codes(): MarketplaceCode[] {
    return [...this.byCode.keys()] as MarketplaceCode[];
  }
}

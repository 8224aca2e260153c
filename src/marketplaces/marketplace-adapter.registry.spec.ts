import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DomainException } from '../common/errors/domain.exception';
import { PostmartAdapter } from './adapters/postmart/postmart.adapter';
import { VosoAdapter } from './adapters/voso/voso.adapter';
import { MARKETPLACE_ADAPTERS, MarketplaceAdapter } from './marketplace-adapter';
import { assertAdapterCoverage, MarketplaceAdapterRegistry } from './marketplace-adapter.registry';
import { MarketplaceErrorCode } from './marketplace-error-code';
import { MarketplacesModule } from './marketplaces.module';

const fake = (code: string) => ({ code }) as unknown as MarketplaceAdapter;
// abortOnError: false makes a failed boot reject instead of exiting the process.
const boot = (module: Parameters<typeof NestFactory.createApplicationContext>[0]) => NestFactory.createApplicationContext(module, { logger: false, abortOnError: false });

@Module({ providers: [{ provide: MARKETPLACE_ADAPTERS, useValue: [new PostmartAdapter()] }, MarketplaceAdapterRegistry] })
class PostmartOnlyModule {}

describe('MarketplaceAdapterRegistry', () => {
  it('boot check: passes with exactly one adapter per code', () => {
    expect(() => assertAdapterCoverage([fake('postmart'), fake('voso')])).not.toThrow();
  });

  it('boot check: names every missing, doubled or unknown adapter', () => {
    expect(() => assertAdapterCoverage([fake('postmart')])).toThrow('voso: 0 adapters');
    expect(() => assertAdapterCoverage([fake('postmart'), fake('postmart'), fake('voso')])).toThrow('postmart: 2 adapters');
    expect(() => assertAdapterCoverage([fake('postmart'), fake('voso'), fake('shopee')])).toThrow('shopee: not in MARKETPLACE_CODES');
  });

  it('start-up fails when the DI list misses an adapter', async () => {
    await expect(boot(PostmartOnlyModule)).rejects.toThrow(/voso: 0 adapters/);
  });

  it('MarketplacesModule wires both adapters; getOrThrow finds them and refuses unknown codes with a domain error', async () => {
    const moduleRef = await boot(MarketplacesModule);
    const registry = moduleRef.get(MarketplaceAdapterRegistry);
    expect(registry.getOrThrow('postmart')).toBeInstanceOf(PostmartAdapter);
    expect(registry.getOrThrow('voso')).toBeInstanceOf(VosoAdapter);
    expect(registry.codes().sort()).toEqual(['postmart', 'voso']);
    expect(moduleRef.get(MARKETPLACE_ADAPTERS)).toHaveLength(2);
    let error: unknown;
    try {
      registry.getOrThrow('shopee');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainException);
    expect(error).toMatchObject({ code: MarketplaceErrorCode.ADAPTER_NOT_FOUND, bilingualMessage: { vi: 'Không hỗ trợ sàn thương mại điện tử "shopee"' } });
    await moduleRef.close();
  });
});

import { Global, Module } from '@nestjs/common';
import { HttpMetricsHook } from './http-metrics.hook';
import { Metrics } from './metrics';
import { MetricsController } from './metrics.controller';

// Global so any feature can record a metric without importing this module.
@Global()
@Module({
  controllers: [MetricsController],
  providers: [Metrics, HttpMetricsHook],
  exports: [Metrics],
})
export class MetricsModule {}

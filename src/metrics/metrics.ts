import { Injectable, Logger } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** One sample of a gauge computed when Prometheus scrapes (e.g. a count read from the database). */
export interface GaugeSample {
  labels: Record<string, string>;
  value: number;
}

export interface ScrapedGauge {
  name: string;
  help: string;
  labelNames: string[];
  collect(): Promise<GaugeSample[]>;
}

// Seconds; from a cached origin page (~1 ms) to a 10,000-stamp PDF (~10 s).
const LATENCY_BUCKETS = [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/**
 * The service's Prometheus metrics. Each application owns its registry (not prom-client's global one)
 * so that several apps in one process — the test suite — never share or double-register metrics.
 * Features record through the small methods below and never import prom-client themselves.
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();
  private readonly logger = new Logger('Metrics');
  private readonly httpDuration = new Histogram({
    name: 'nguon_http_request_duration_seconds',
    help: 'HTTP request latency by route template / thời gian xử lý yêu cầu theo tuyến',
    labelNames: ['method', 'route', 'status'],
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  private readonly scans = new Counter({
    name: 'nguon_scans_total',
    help: 'Stamp scans by result / lượt quét tem theo kết quả',
    labelNames: ['result'],
    registers: [this.registry],
  });
  private readonly stamps = new Counter({
    name: 'nguon_stamps_issued_total',
    help: 'Stamps issued / số tem đã phát hành',
    registers: [this.registry],
  });
  private readonly marketplaceFailures = new Counter({
    name: 'nguon_marketplace_call_failures_total',
    help: 'Failed marketplace calls by marketplace, operation and error class / lỗi gọi sàn',
    labelNames: ['marketplace', 'operation', 'kind'],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'nguon_' });
  }

  observeHttp(method: string, route: string, status: number, seconds: number): void {
    this.httpDuration.observe({ method, route, status: String(status) }, seconds);
  }

  scanRecorded(result: string): void {
    this.scans.inc({ result });
  }

  stampsIssued(count: number): void {
    this.stamps.inc(count);
  }

  marketplaceCallFailed(marketplace: string, operation: string, kind: string): void {
    this.marketplaceFailures.inc({ marketplace, operation, kind });
  }

  /**
   * A gauge whose samples are read at scrape time. A failing source (the database restarting) leaves
   * its gauge empty instead of failing the scrape: metrics matter most during an outage.
   */
  addScrapedGauge(spec: ScrapedGauge): void {
    const logger = this.logger;
    new Gauge({
      name: spec.name,
      help: spec.help,
      labelNames: spec.labelNames,
      registers: [this.registry],
      async collect() {
        this.reset();
        try {
          for (const sample of await spec.collect()) this.set(sample.labels, sample.value);
        } catch (error) {
          logger.warn(`${spec.name} not collected: ${(error as Error).message}`);
        }
      },
    });
  }

  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}

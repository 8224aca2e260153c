import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Metrics } from '../metrics/metrics';

/**
 * Listings per marketplace and status, read at scrape time: "queued" and "reconciling" are the work
 * waiting on a marketplace, "failed" and "rejected" what needs a person. Read from the table rather
 * than counted in memory, so every replica reports the same province-wide truth.
 */
@Injectable()
export class ListingMetrics implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly metrics: Metrics,
  ) {}

  onModuleInit(): void {
    this.metrics.addScrapedGauge({
      name: 'nguon_listings',
      help: 'Listings by marketplace and status / tin đăng theo sàn và trạng thái',
      labelNames: ['marketplace', 'status'],
      collect: async () => {
        const rows: { marketplace: string; status: string; count: string }[] = await this.db.query(
          'SELECT marketplace, status, count(*) AS count FROM listing GROUP BY marketplace, status',
        );
        return rows.map((r) => ({ labels: { marketplace: r.marketplace, status: r.status }, value: Number(r.count) }));
      },
    });
  }
}

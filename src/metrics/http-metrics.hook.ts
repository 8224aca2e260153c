import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { Metrics } from './metrics';

// Requests that matched no route are counted under one label: a scanner probing random paths must
// not create a time series per path.
const UNMATCHED = '(unmatched)';

/** Times every HTTP response by its route template (/stamps/{id}, not /stamps/8f3a…). */
@Injectable()
export class HttpMetricsHook implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly metrics: Metrics,
  ) {}

  /** Fastify's route template (/stamps/:id) in OpenAPI style (/stamps/{id}), computed once per route. */
  private readonly labels = new Map<string, string>();

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.addHook('onResponse', async (request, reply) => {
      this.metrics.observeHttp(request.method, this.labelOf(request.routeOptions.url), reply.statusCode, reply.elapsedTime / 1000);
    });
  }

  private labelOf(url: string | undefined): string {
    if (url === undefined) return UNMATCHED;
    let label = this.labels.get(url);
    if (label === undefined) {
      label = url.replace(/:(\w+)/g, '{$1}');
      this.labels.set(url, label);
    }
    return label;
  }
}

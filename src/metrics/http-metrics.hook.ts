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

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.addHook('onResponse', async (request, reply) => {
      const route = request.routeOptions.url ?? UNMATCHED;
      this.metrics.observeHttp(request.method, route.replace(/:(\w+)/g, '{$1}'), reply.statusCode, reply.elapsedTime / 1000);
    });
  }
}

import { Module } from '@nestjs/common';
import { JobQueue } from './job-queue';

// One pg-boss instance per process, on the service's own PostgreSQL (no Redis).
@Module({ providers: [JobQueue], exports: [JobQueue] })
export class JobsModule {}

import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CooperativesModule } from '../cooperatives/cooperatives.module';
import { AuditController } from './audit.controller';
import { AuditEntry } from './audit-entry.entity';
import { AuditService } from './audit.service';

// Global: every feature records its changes here.
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([AuditEntry]), CooperativesModule],
  controllers: [AuditController],
  providers: [AuditService],
  exports: [AuditService],
})
export class AuditModule {}

import { Module } from '@nestjs/common';
import { AdminUnitsController } from './admin-units.controller';
import { AdminUnitsService } from './admin-units.service';

@Module({
  controllers: [AdminUnitsController],
  providers: [{ provide: AdminUnitsService, useFactory: () => new AdminUnitsService() }],
  exports: [AdminUnitsService],
})
export class AdminUnitsModule {}

import { Module } from '@nestjs/common';
import { AdminUnitsModule } from '../admin-units/admin-units.module';
import { UsersModule } from '../users/users.module';
import { FirstRunService } from './first-run.service';

@Module({ imports: [AdminUnitsModule, UsersModule], providers: [FirstRunService], exports: [FirstRunService] })
export class BootstrapModule {}

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AdminUnitsModule } from '../admin-units/admin-units.module';
import { PasswordHasher } from '../auth/password-hasher';
import { CooperativesModule } from '../cooperatives/cooperatives.module';
import { User } from './user.entity';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [TypeOrmModule.forFeature([User]), CooperativesModule, AdminUnitsModule],
  controllers: [UsersController],
  providers: [UsersService, PasswordHasher],
  exports: [UsersService, PasswordHasher],
})
export class UsersModule {}

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PlantingAreasModule } from '../planting-areas/planting-areas.module';
import { FarmingDiaryController } from './farming-diary.controller';
import { FarmingDiaryEntry } from './farming-diary-entry.entity';
import { FarmingDiaryService } from './farming-diary.service';

@Module({
  imports: [TypeOrmModule.forFeature([FarmingDiaryEntry]), PlantingAreasModule],
  controllers: [FarmingDiaryController],
  providers: [FarmingDiaryService],
  exports: [FarmingDiaryService],
})
export class FarmingDiaryModule {}

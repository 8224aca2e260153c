import { Module } from '@nestjs/common';

// Placeholder: the EPCIS 2.0 export is being built.
@Module({})
export class EpcisModule {}

import { Module } from '@nestjs/common';

// Placeholder: filled in by the registry work.
@Module({})
export class ProductsModule {}

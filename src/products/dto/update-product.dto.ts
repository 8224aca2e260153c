import { PartialType } from '@nestjs/swagger';
import { CreateProductDto } from './create-product.dto';

// Every field optional; null clears an optional field (gtin, brand…). The owning cooperative never changes.
export class UpdateProductDto extends PartialType(CreateProductDto) {}

import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsEnum, IsInt, IsObject, IsOptional, IsPositive, IsString, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { AddressInputDto } from '../../admin-units/dto/address-input.dto';
import { bilingual } from '../../common/i18n/messages';
import { IsDecimal, NormaliseText } from '../../common/validation/validators';
import { CropType, PlantingStandard } from '../planting-area-kinds';

const AREA_MESSAGE = bilingual(
  'declaredAreaHa: diện tích (ha) phải là số lớn hơn 0, tối đa 4 chữ số thập phân và không quá 999 999 ha',
  'declaredAreaHa: the area (ha) must be a number above 0, with at most 4 decimals and no more than 999,999 ha',
);
const HOUSEHOLDS_MESSAGE = bilingual(
  'householdCount: số nông hộ phải là số nguyên từ 1 trở lên',
  'householdCount: the number of households is a whole number from 1',
);

export class CreatePlantingAreaDto {
  /** Name of the area as on the registration form, e.g. "Vùng vải thiều thôn Phạm Trấn". */
  @IsString() @NormaliseText() @MinLength(2) @MaxLength(200)
  name!: string;

  /** Crop species (cây trồng), e.g. "Vải thiều". */
  @IsString() @NormaliseText() @MinLength(2) @MaxLength(100)
  crop!: string;

  /** Variety (giống), e.g. "Thanh Hà". */
  @IsOptional() @IsString() @NormaliseText() @MaxLength(100)
  variety?: string;

  /** perennial (cây lâu năm) or annual (cây hằng năm): enables the minimum-size warning (1 ha / 0.1 ha). */
  @IsOptional()
  @IsEnum(CropType, { message: bilingual('cropType: chọn perennial (cây lâu năm) hoặc annual (cây hằng năm)', 'cropType: perennial or annual') })
  cropType?: CropType;

  /** Declared area in hectares as on the registration form (> 0, up to 4 decimals). */
  @IsDecimal(4, { message: AREA_MESSAGE })
  @IsPositive({ message: AREA_MESSAGE })
  @Max(999999.9999, { message: AREA_MESSAGE })
  declaredAreaHa!: number;

  /** Number of farming households (số nông hộ), at least 1. */
  @IsInt({ message: HOUSEHOLDS_MESSAGE }) @Min(1, { message: HOUSEHOLDS_MESSAGE }) @Max(1_000_000, { message: HOUSEHOLDS_MESSAGE })
  householdCount!: number;

  /** Where the area is: a commune since July 2025, or a pre-2025 commune code converted with the official table. */
  @IsObject() @ValidateNested() @Type(() => AddressInputDto)
  address!: AddressInputDto;

  /**
   * Boundary as a GeoJSON Polygon or MultiPolygon geometry: WGS84, positions [longitude, latitude], rings
   * closed (last position = first), inside Vietnam (latitude 8–24° N, longitude 102–118° E). Its area is
   * computed on the sphere and compared with declaredAreaHa (warning beyond ±20 %). PATCH null removes it.
   */
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    example: { type: 'Polygon', coordinates: [[[106.3, 20.8], [106.301, 20.8], [106.301, 20.801], [106.3, 20.801], [106.3, 20.8]]] },
  })
  @IsOptional()
  @IsObject({ message: bilingual('boundary: phải là một hình GeoJSON (đối tượng JSON)', 'boundary: must be a GeoJSON geometry (a JSON object)') })
  boundary?: Record<string, unknown> | null;

  /** Standard applied (tiêu chuẩn áp dụng): vietgap, globalgap, organic or none (default). */
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEnum(PlantingStandard, {
    message: bilingual('standard: chọn vietgap, globalgap, organic hoặc none', 'standard: one of vietgap, globalgap, organic, none'),
  })
  standard?: PlantingStandard;
}

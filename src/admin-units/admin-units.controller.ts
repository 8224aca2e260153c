import { Controller, Get, Query } from '@nestjs/common';
import { IntParam } from '../common/validation/params';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/decorators';
import { AdminUnitsService } from './admin-units.service';

@ApiTags('admin-units')
@Public()
@Controller('admin-units')
export class AdminUnitsController {
  constructor(private readonly units: AdminUnitsService) {}

  @Get('provinces')
  @ApiOperation({ summary: '34 tỉnh/thành phố từ 01/7/2025 / the 34 provinces since 1 July 2025' })
  provinces() {
    return this.units.listProvinces();
  }

  @Get('provinces/:code/communes')
  @ApiOperation({ summary: 'Xã/phường của một tỉnh, lọc theo tên (không dấu cũng được) / communes of a province' })
  communes(@IntParam('code') code: number, @Query('q') q?: string) {
    return this.units.listCommunes(code, q);
  }

  @Get('old-communes/:code')
  @ApiOperation({ summary: 'Xã cũ (trước 01/7/2025) nay thuộc xã mới nào / what became of a pre-2025 commune' })
  conversions(@IntParam('code') code: number) {
    return this.units.conversionsOf(code);
  }
}

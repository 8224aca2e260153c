import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { StoredAddress } from '../../admin-units/address';
import { AdminUnitsService } from '../../admin-units/admin-units.service';
import type { AuthUser } from '../../auth/auth-user';
import { forbidden } from '../../common/errors/common.errors';
import { Boundary, checkBoundary } from '../../planting-areas/boundary-geometry';
import { CreatePlantingAreaDto } from '../../planting-areas/dto/create-planting-area.dto';
import { PlantingStandard } from '../../planting-areas/planting-area-kinds';
import { PlantingArea } from '../../planting-areas/planting-area.entity';
import { Role } from '../../users/role.enum';
import { AddressCells } from '../address-cells';
import { parseRow, resolveAddress, RowCells, validateRow } from '../row-reader';
import type { RowProblems } from '../row-problems';
import { COOPERATIVE_ID_FIELD, CooperativeRefs, TAX_CODE_FIELD } from './cooperative-refs';
import type { KindImporter, PreparedRow } from './importer';
import { PLANTING_AREA_COLUMNS } from './planting-area-columns';

interface CheckedArea {
  row: number;
  dto: CreatePlantingAreaDto;
  address: StoredAddress | null;
  boundary: { boundary: Boundary; areaHa: number } | null;
}

// Rows of CreatePlantingAreaDto, with the rules of PlantingAreasService.create: the address resolved
// with the official tables, the boundary checked, and the owner one the actor may manage.
@Injectable()
export class PlantingAreasImporter implements KindImporter {
  readonly kind = 'planting-areas' as const;
  readonly columns = PLANTING_AREA_COLUMNS;
  readonly title = { vi: 'Mẫu nhập vùng trồng', en: 'Planting areas upload template' };
  readonly entity = PlantingArea;
  readonly entityType = 'planting_area';

  constructor(
    private readonly units: AdminUnitsService,
    private readonly addressCells: AddressCells,
    private readonly owners: CooperativeRefs,
  ) {}

  assertMayUpload(actor: AuthUser): void {
    if (actor.role === Role.CooperativeStaff) {
      throw forbidden(
        'Nhân viên hợp tác xã chỉ được xem vùng trồng; quản lý hợp tác xã hoặc cán bộ mới được nhập',
        'Cooperative staff may only read planting areas; a manager or an officer uploads them',
      );
    }
  }

  async check(actor: AuthUser, rows: RowCells[], problems: RowProblems): Promise<PreparedRow[]> {
    const checked: CheckedArea[] = [];
    const refs = [];
    for (const input of rows) {
      const parsed = parseRow(this.addressCells, this.columns, input, problems);
      refs.push({ row: input.row, taxCode: parsed.refs[TAX_CODE_FIELD], id: parsed.refs[COOPERATIVE_ID_FIELD] });
      const dto = await validateRow(CreatePlantingAreaDto, parsed, problems);
      const address = resolveAddress(this.units, input.row, dto.address, problems);
      checked.push({ row: input.row, dto, address, boundary: this.checkBoundary(input.row, dto, problems) });
    }
    const owners = await this.owners.resolve(actor, refs, problems);
    return checked.filter((c) => !problems.hasRow(c.row)).map((c) => prepare(c, owners.get(c.row)!));
  }

  private checkBoundary(row: number, dto: CreatePlantingAreaDto, problems: RowProblems): CheckedArea['boundary'] {
    if (!dto.boundary || problems.hasField(row, 'boundary')) return null;
    const checked = checkBoundary(dto.boundary);
    if (checked.ok) return checked;
    for (const p of checked.problems) problems.add(row, p.field, p.message);
    return null;
  }
}

function prepare(c: CheckedArea, cooperativeId: string): PreparedRow {
  const { dto, address } = c;
  const values = {
    id: randomUUID(),
    cooperativeId,
    name: dto.name,
    crop: dto.crop,
    variety: dto.variety ?? null,
    cropType: dto.cropType ?? null,
    // numeric(10,4) column: written as an exact decimal string, as PlantingAreasService does.
    declaredAreaHa: String(dto.declaredAreaHa),
    householdCount: dto.householdCount,
    provinceCode: address!.provinceCode,
    communeCode: address!.communeCode,
    street: address!.street,
    addressConvertedFrom: address!.convertedFrom,
    boundary: c.boundary?.boundary ?? null,
    computedAreaHa: c.boundary ? c.boundary.areaHa.toFixed(4) : null,
    standard: dto.standard ?? PlantingStandard.None,
  };
  // The audit entry shows numbers as numbers, like the single create's.
  const after = { ...values, declaredAreaHa: dto.declaredAreaHa, computedAreaHa: c.boundary ? Number(values.computedAreaHa) : null };
  return { row: c.row, values, audit: { cooperativeId, after } };
}

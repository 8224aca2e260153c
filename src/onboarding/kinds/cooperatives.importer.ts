import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { StoredAddress } from '../../admin-units/address';
import { AdminUnitsService } from '../../admin-units/admin-units.service';
import type { AuthUser } from '../../auth/auth-user';
import { forbidden } from '../../common/errors/common.errors';
import { checkTaxCode } from '../../common/validation/tax-code';
import { Cooperative } from '../../cooperatives/cooperative.entity';
import { CreateCooperativeDto } from '../../cooperatives/dto/create-cooperative.dto';
import { Role } from '../../users/role.enum';
import { AddressCells } from '../address-cells';
import { parseRow, resolveAddress, RowCells, validateRow } from '../row-reader';
import type { RowProblems } from '../row-problems';
import { COOPERATIVE_COLUMNS } from './cooperative-columns';
import type { KindImporter, PreparedRow } from './importer';
import { flagDuplicates } from './uniqueness';

interface CheckedCooperative {
  row: number;
  dto: CreateCooperativeDto;
  address: StoredAddress | null;
  taxCode: string | null;
}

// Rows of CreateCooperativeDto, with the rules of CooperativesService.create: admins and officers only,
// an officer within their provinces, tax codes unique on the platform.
@Injectable()
export class CooperativesImporter implements KindImporter {
  readonly kind = 'cooperatives' as const;
  readonly columns = COOPERATIVE_COLUMNS;
  readonly title = { vi: 'Mẫu nhập danh sách hợp tác xã', en: 'Cooperatives upload template' };
  readonly entity = Cooperative;
  readonly entityType = 'cooperative';

  constructor(
    private readonly units: AdminUnitsService,
    private readonly addressCells: AddressCells,
    private readonly dataSource: DataSource,
  ) {}

  assertMayUpload(actor: AuthUser): void {
    if (actor.role !== Role.Admin && actor.role !== Role.Officer) {
      throw forbidden('Chỉ quản trị viên và cán bộ khuyến nông được đăng ký hợp tác xã', 'Only administrators and officers register cooperatives');
    }
  }

  async check(actor: AuthUser, rows: RowCells[], problems: RowProblems): Promise<PreparedRow[]> {
    const checked: CheckedCooperative[] = [];
    for (const input of rows) {
      const parsed = parseRow(this.addressCells, this.columns, input, problems);
      const dto = await validateRow(CreateCooperativeDto, parsed, problems);
      const address = resolveAddress(this.units, input.row, dto.address, problems);
      if (address) this.checkProvince(actor, input, address, problems);
      const tax = dto.taxCode && !problems.hasField(input.row, 'taxCode') ? checkTaxCode(dto.taxCode) : null;
      checked.push({ row: input.row, dto, address, taxCode: tax?.ok ? tax.normalised : null });
    }
    await this.checkTaxCodes(checked, problems);
    return checked.filter((c) => !problems.hasRow(c.row)).map((c) => prepare(c.row, c.dto, c.address!, c.taxCode));
  }

  // Same rule and wording as CooperativesService.create; the error sits on the cell the officer filled.
  private checkProvince(actor: AuthUser, input: RowCells, address: StoredAddress, problems: RowProblems): void {
    if (actor.role !== Role.Officer || actor.provinceCodes.includes(address.provinceCode)) return;
    const given = (field: string) => [...input.cells.keys()].some((c) => c.field === field);
    const field = ['address.provinceCode', 'address.communeCode', 'address.oldCommuneCode'].find(given) ?? 'address.provinceCode';
    const province = this.units.getProvinceOrThrow(address.provinceCode).name;
    problems.add(input.row, field, {
      vi: `Địa chỉ thuộc ${province} (mã ${address.provinceCode}), ngoài các tỉnh bạn phụ trách`,
      en: `The address is in ${province} (code ${address.provinceCode}), outside the provinces you cover`,
    });
  }

  private async checkTaxCodes(checked: CheckedCooperative[], problems: RowProblems): Promise<void> {
    const rows = checked.flatMap((c) => (c.taxCode ? [{ row: c.row, key: c.taxCode }] : []));
    if (!rows.length) return;
    const existing = await this.dataSource
      .getRepository(Cooperative)
      .createQueryBuilder('c')
      .select('c.taxCode')
      .where('c.tax_code = ANY(:codes)', { codes: [...new Set(rows.map((r) => r.key))] })
      .getMany();
    flagDuplicates(problems, 'taxCode', rows, new Set(existing.map((c) => c.taxCode!)), {
      label: { vi: 'Mã số thuế', en: 'Tax code' },
      taken: (code) => ({
        vi: `Mã số thuế ${code} đã được đăng ký cho một hợp tác xã khác`,
        en: `Tax code ${code} is already registered to another cooperative`,
      }),
    });
  }
}

function prepare(row: number, dto: CreateCooperativeDto, address: StoredAddress, taxCode: string | null): PreparedRow {
  const values = {
    id: randomUUID(),
    name: dto.name,
    shortName: dto.shortName ?? null,
    taxCode,
    businessRegistrationNo: dto.businessRegistrationNo ?? null,
    provinceCode: address.provinceCode,
    communeCode: address.communeCode,
    street: address.street,
    addressConvertedFrom: address.convertedFrom,
    phone: dto.phone ?? null,
    // Stored lower-case, as CooperativesService does.
    email: dto.email?.toLowerCase() ?? null,
    legalRepresentative: dto.legalRepresentative ?? null,
    gs1CompanyPrefix: dto.gs1CompanyPrefix ?? null,
    gln: dto.gln ?? null,
  };
  return { row, values, audit: { cooperativeId: values.id, after: values } };
}

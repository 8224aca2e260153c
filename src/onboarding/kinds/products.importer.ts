import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../auth/auth-user';
import { forbidden } from '../../common/errors/common.errors';
import { CreateProductDto } from '../../products/dto/create-product.dto';
import { createFields } from '../../products/products.service';
import { toProductFields } from '../../products/dto/product-response.dto';
import { Product } from '../../products/product.entity';
import { Role } from '../../users/role.enum';
import { AddressCells } from '../address-cells';
import { parseRow, RowCells, validateRow } from '../row-reader';
import type { RowProblems } from '../row-problems';
import { COOPERATIVE_ID_FIELD, CooperativeRefs, TAX_CODE_FIELD } from './cooperative-refs';
import type { KindImporter, PreparedRow } from './importer';
import { PRODUCT_COLUMNS } from './product-columns';
import { flagDuplicates } from './uniqueness';

// Rows of CreateProductDto, with the rules of ProductsService.create: the owner one the actor may
// manage, GTINs unique on the platform (the DTO's IsGtin has already checked the check digit).
@Injectable()
export class ProductsImporter implements KindImporter {
  readonly kind = 'products' as const;
  readonly columns = PRODUCT_COLUMNS;
  readonly title = { vi: 'Mẫu nhập sản phẩm', en: 'Products upload template' };
  readonly entity = Product;
  readonly entityType = 'product';

  constructor(
    private readonly addressCells: AddressCells,
    private readonly owners: CooperativeRefs,
    private readonly dataSource: DataSource,
  ) {}

  assertMayUpload(actor: AuthUser): void {
    if (actor.role === Role.CooperativeStaff) {
      throw forbidden(
        'Nhân viên hợp tác xã chỉ được xem sản phẩm; quản lý hợp tác xã hoặc cán bộ mới được nhập',
        'Cooperative staff may only read products; a manager or an officer uploads them',
      );
    }
  }

  async check(actor: AuthUser, rows: RowCells[], problems: RowProblems): Promise<PreparedRow[]> {
    const checked: { row: number; dto: CreateProductDto }[] = [];
    const refs = [];
    for (const input of rows) {
      const parsed = parseRow(this.addressCells, this.columns, input, problems);
      refs.push({ row: input.row, taxCode: parsed.refs[TAX_CODE_FIELD], id: parsed.refs[COOPERATIVE_ID_FIELD] });
      checked.push({ row: input.row, dto: await validateRow(CreateProductDto, parsed, problems) });
    }
    const owners = await this.owners.resolve(actor, refs, problems);
    await this.checkGtins(checked, problems);
    return checked.filter((c) => !problems.hasRow(c.row)).map((c) => prepare(c.row, c.dto, owners.get(c.row)!));
  }

  private async checkGtins(checked: { row: number; dto: CreateProductDto }[], problems: RowProblems): Promise<void> {
    const rows = checked.flatMap((c) => (c.dto.gtin && !problems.hasField(c.row, 'gtin') ? [{ row: c.row, key: c.dto.gtin }] : []));
    if (!rows.length) return;
    const existing = await this.dataSource
      .getRepository(Product)
      .createQueryBuilder('p')
      .select('p.gtin')
      .where('p.gtin = ANY(:gtins)', { gtins: [...new Set(rows.map((r) => r.key))] })
      .getMany();
    flagDuplicates(problems, 'gtin', rows, new Set(existing.map((p) => p.gtin!)), {
      label: { vi: 'GTIN', en: 'GTIN' },
      taken: (gtin) => ({ vi: `GTIN ${gtin} đã được dùng cho một sản phẩm khác`, en: `GTIN ${gtin} is already used by another product` }),
    });
  }
}

function prepare(row: number, dto: CreateProductDto, cooperativeId: string): PreparedRow {
  const values = { id: randomUUID(), cooperativeId, ...createFields(dto) };
  // The same audit view as ProductsService.create records.
  return { row, values, audit: { cooperativeId, after: toProductFields(values as unknown as Product) } };
}

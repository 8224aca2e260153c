import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../auth/auth-user';
import { canManageCooperative } from '../../auth/scope';
import type { Bilingual } from '../../common/i18n/messages';
import { checkTaxCode } from '../../common/validation/tax-code';
import { validationExceptionFactory } from '../../common/validation/validation-exception.factory';
import { Cooperative } from '../../cooperatives/cooperative.entity';
import { Role } from '../../users/role.enum';
import { CooperativeRefDto } from '../dto/cooperative-ref.dto';
import type { RowProblems } from '../row-problems';
import type { CellInput } from './column-spec';

export const TAX_CODE_FIELD = 'cooperativeTaxCode';
export const COOPERATIVE_ID_FIELD = 'cooperativeId';

export interface CooperativeRef {
  row: number;
  taxCode?: CellInput;
  id?: CellInput;
}

type Owner = Pick<Cooperative, 'id' | 'provinceCode' | 'taxCode'>;

// Which cooperative each planting-area or product row belongs to, found by tax code (what officers
// know) or id, with one query for the whole file. A cooperative the actor may not manage answers exactly
// like one that does not exist, so an upload cannot be used to probe other provinces' tax codes.
@Injectable()
export class CooperativeRefs {
  constructor(private readonly dataSource: DataSource) {}

  /** Row number → cooperative id, for the rows whose reference is fine; problems for the others. */
  async resolve(actor: AuthUser, refs: CooperativeRef[], problems: RowProblems): Promise<Map<number, string>> {
    const wanted = refs.map((ref) => this.normalise(actor, ref, problems));
    const taxCodes = [...new Set(wanted.flatMap((w) => (w?.taxCode ? [w.taxCode] : [])))];
    const ids = [...new Set(wanted.flatMap((w) => (w?.id ? [w.id] : [])))];
    const found = await this.load(taxCodes, ids);
    const byTaxCode = new Map(found.filter((c) => c.taxCode).map((c) => [c.taxCode!, c]));
    const byId = new Map(found.map((c) => [c.id, c]));
    const owners = new Map<number, string>();
    for (const w of wanted) {
      if (!w) continue;
      const viaTax = w.taxCode === undefined ? undefined : this.inScope(actor, byTaxCode.get(w.taxCode));
      const viaId = w.id === undefined ? undefined : this.inScope(actor, byId.get(w.id));
      if (w.taxCode !== undefined && !viaTax) problems.add(w.row, TAX_CODE_FIELD, notInScope(`mã số thuế ${w.taxCode}`, `tax code ${w.taxCode}`));
      if (w.id !== undefined && !viaId) problems.add(w.row, COOPERATIVE_ID_FIELD, notInScope(`mã ${w.id}`, `ID ${w.id}`));
      if (viaTax && viaId && viaTax.id !== viaId.id) {
        problems.add(w.row, COOPERATIVE_ID_FIELD, {
          vi: 'Mã số thuế HTX và Mã HTX (ID) chỉ hai hợp tác xã khác nhau; chỉ ghi một trong hai',
          en: 'The tax code and the cooperative ID name two different cooperatives; give only one',
        });
      } else if (viaTax ?? viaId) owners.set(w.row, (viaTax ?? viaId)!.id);
    }
    return owners;
  }

  private normalise(actor: AuthUser, ref: CooperativeRef, problems: RowProblems): { row: number; taxCode?: string; id?: string } | null {
    const { row } = ref;
    if (ref.taxCode === undefined && ref.id === undefined) {
      // A manager's rows belong to their own cooperative unless they say otherwise.
      if (actor.role === Role.CooperativeManager && actor.cooperativeId) return { row, id: actor.cooperativeId };
      problems.add(row, TAX_CODE_FIELD, {
        vi: 'Bắt buộc: ghi Mã số thuế HTX (hoặc Mã HTX (ID)) của hợp tác xã sở hữu dòng này',
        en: 'Required: give the tax code (or the ID) of the cooperative this row belongs to',
      });
      return null;
    }
    const dto = plainToInstance(CooperativeRefDto, {
      [TAX_CODE_FIELD]: ref.taxCode === undefined ? undefined : String(ref.taxCode),
      [COOPERATIVE_ID_FIELD]: ref.id === undefined ? undefined : String(ref.id).trim().toLowerCase(),
    });
    const errors = validateSync(dto);
    if (errors.length) {
      for (const d of validationExceptionFactory(errors).details ?? []) problems.add(row, d.field, d.message);
      return null;
    }
    const taxCode = dto.cooperativeTaxCode === undefined ? undefined : (checkTaxCode(dto.cooperativeTaxCode) as { normalised: string }).normalised;
    return { row, taxCode, id: dto.cooperativeId };
  }

  private async load(taxCodes: string[], ids: string[]): Promise<Owner[]> {
    if (!taxCodes.length && !ids.length) return [];
    return this.dataSource
      .getRepository(Cooperative)
      .createQueryBuilder('c')
      .select(['c.id', 'c.provinceCode', 'c.taxCode'])
      .where('c.tax_code = ANY(:taxCodes)', { taxCodes })
      .orWhere('c.id = ANY(:ids::uuid[])', { ids })
      .getMany();
  }

  private inScope(actor: AuthUser, coop: Owner | undefined): Owner | undefined {
    return coop && canManageCooperative(actor, coop) ? coop : undefined;
  }
}

const notInScope = (whatVi: string, whatEn: string): Bilingual => ({
  vi: `Không tìm thấy hợp tác xã có ${whatVi} trong phạm vi bạn quản lý (chưa đăng ký, hoặc không thuộc tỉnh/hợp tác xã bạn phụ trách)`,
  en: `No cooperative with ${whatEn} within your scope (not registered, or outside the provinces or cooperative you cover)`,
});

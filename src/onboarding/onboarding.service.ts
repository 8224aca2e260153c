import { Injectable } from '@nestjs/common';
import { DataSource, QueryFailedError } from 'typeorm';
import { AdminUnitsService } from '../admin-units/admin-units.service';
import type { AuthUser } from '../auth/auth-user';
import { DomainException } from '../common/errors/domain.exception';
import type { Lang } from '../common/i18n/messages';
import { insertInChunks, recordCreated } from './bulk-writer';
import type { OnboardingReportDto } from './dto/onboarding-report.dto';
import { isOnboardingKind, ONBOARDING_KINDS, OnboardingKind } from './kinds/column-spec';
import { CooperativesImporter } from './kinds/cooperatives.importer';
import type { KindImporter, PreparedRow } from './kinds/importer';
import { PlantingAreasImporter } from './kinds/planting-areas.importer';
import { ProductsImporter } from './kinds/products.importer';
import { OnboardingErrorCode } from './onboarding-error-code';
import { OnboardingRejectedException } from './onboarding-rejected.exception';
import { dataRows, mapHeader } from './row-reader';
import { RowProblems } from './row-problems';
import { annotatedWorkbook } from './spreadsheet/annotated-workbook';
import type { CsvSeparator } from './spreadsheet/csv';
import { readSheet, SheetFormat } from './spreadsheet/sheet-reader';
import { csvTemplate, EXAMPLE_MARK, xlsxTemplate } from './spreadsheet/template-writer';

/** Rows per file: a province's cooperatives, or a large cooperative's areas, fit; more is split. */
export const MAX_ROWS = 5000;
/** Errors listed in one report; the counts stay exact beyond it. */
export const MAX_REPORTED_ERRORS = 1000;

export interface UploadOptions {
  dryRun: boolean;
  lang: Lang;
}

// Bulk onboarding: templates to fill in, and uploads checked row by row with the same DTOs and rules
// as the single-create endpoints, then written all or nothing in one transaction.
@Injectable()
export class OnboardingService {
  private readonly importers: ReadonlyMap<OnboardingKind, KindImporter>;
  // Templates only change with a release; building the XLSX (with 3,321 communes) takes a moment.
  private readonly xlsxTemplates = new Map<OnboardingKind, Promise<Buffer>>();

  constructor(
    cooperatives: CooperativesImporter,
    plantingAreas: PlantingAreasImporter,
    products: ProductsImporter,
    private readonly units: AdminUnitsService,
    private readonly dataSource: DataSource,
  ) {
    this.importers = new Map<OnboardingKind, KindImporter>([cooperatives, plantingAreas, products].map((i) => [i.kind, i]));
  }

  xlsxTemplate(kind: string): Promise<Buffer> {
    const importer = this.importerOf(kind);
    let template = this.xlsxTemplates.get(importer.kind);
    if (!template) {
      template = xlsxTemplate(importer.columns, {
        title: importer.title,
        maxRows: MAX_ROWS,
        provinces: this.units.listProvinces(),
        communes: this.units.listProvinces().flatMap((p) => this.units.listCommunes(p.code)),
        notes: TEMPLATE_NOTES,
      });
      // A failed build is not cached, so the next request tries again.
      template.catch(() => this.xlsxTemplates.delete(importer.kind));
      this.xlsxTemplates.set(importer.kind, template);
    }
    return template;
  }

  csvTemplate(kind: string, separator: CsvSeparator): Buffer {
    return csvTemplate(this.importerOf(kind).columns, separator);
  }

  /** Before the file is read: an unknown kind is 400, a role that may never upload it 403. */
  assertMayUpload(actor: AuthUser, kind: string): void {
    this.importerOf(kind).assertMayUpload(actor);
  }

  async upload(actor: AuthUser, kind: string, file: Buffer, options: UploadOptions): Promise<OnboardingReportDto> {
    const { importer, checked, report } = await this.check(actor, kind, file, options);
    if (options.dryRun) return report;
    if (report.errorRows) throw new OnboardingRejectedException(report);
    await this.apply(actor, importer, checked.prepared, checked.table.format);
    return { ...report, created: checked.prepared.length, createdIds: checked.prepared.map((p) => p.values.id) };
  }

  /** A dry run whose answer is the uploaded file itself, with a "Lỗi" column on the bad rows. */
  async annotate(actor: AuthUser, kind: string, file: Buffer, lang: Lang): Promise<{ report: OnboardingReportDto; file: Buffer }> {
    const { checked, report, allErrors } = await this.check(actor, kind, file, { dryRun: true, lang });
    const columnIndex = new Map([...checked.header.index].map(([column, i]) => [column.header, i]));
    return { report, file: await annotatedWorkbook(file, checked.table, columnIndex, allErrors) };
  }

  private async check(actor: AuthUser, kind: string, file: Buffer, options: UploadOptions) {
    const importer = this.importerOf(kind);
    importer.assertMayUpload(actor);
    const table = await readSheet(file);
    const [headerLine, ...lines] = table.lines;
    if (!headerLine) throw noRows();
    const header = mapHeader(importer.columns, headerLine);
    const rows = dataRows(lines, header);
    if (!rows.length) throw noRows();
    if (rows.length > MAX_ROWS) throw tooManyRows(rows.length);
    const problems = new RowProblems();
    const prepared = await importer.check(actor, rows, problems);
    const allErrors = problems.toErrors(importer.columns, options.lang);
    const report: OnboardingReportDto = {
      kind: importer.kind,
      dryRun: options.dryRun,
      format: table.format,
      totalRows: rows.length,
      validRows: rows.length - problems.rowCount,
      errorRows: problems.rowCount,
      errors: allErrors.slice(0, MAX_REPORTED_ERRORS),
      errorsTruncated: allErrors.length > MAX_REPORTED_ERRORS,
      ignoredColumns: header.ignored,
      created: 0,
    };
    return { importer, checked: { table, header, prepared }, report, allErrors };
  }

  // One transaction: the rows and their audit entries commit together or not at all.
  private async apply(actor: AuthUser, importer: KindImporter, prepared: PreparedRow[], format: SheetFormat): Promise<void> {
    const reason = `Nhập hàng loạt từ tệp ${format.toUpperCase()} (${prepared.length} dòng)`;
    try {
      await this.dataSource.transaction(async (manager) => {
        await insertInChunks(manager, importer.entity, prepared.map((p) => p.values));
        await recordCreated(manager, actor, importer.entityType, prepared, reason);
      });
    } catch (error) {
      // The checks ran before the transaction; a tax code or GTIN registered meanwhile trips the unique index.
      if (error instanceof QueryFailedError && (error as { code?: string }).code === '23505') {
        throw new DomainException(OnboardingErrorCode.CONFLICT, {
          vi: 'Trong lúc tải lên, một mã số thuế hoặc GTIN của tệp vừa được đăng ký ở nơi khác; chưa dòng nào được ghi. Hãy tải lên lại để xem dòng nào bị trùng',
          en: 'While uploading, a tax code or GTIN of the file was registered elsewhere; no row was written. Upload again to see which rows clash',
        });
      }
      throw error;
    }
  }

  private importerOf(kind: string): KindImporter {
    if (!isOnboardingKind(kind)) {
      const kinds = ONBOARDING_KINDS.join(', ');
      throw new DomainException(
        OnboardingErrorCode.UNKNOWN_KIND,
        { vi: `Không có loại dữ liệu “${kind}”; chọn một trong: ${kinds}`, en: `No upload kind “${kind}”; choose one of: ${kinds}` },
        [{ field: 'kind', message: { vi: `Chọn một trong: ${kinds}`, en: `One of: ${kinds}` } }],
      );
    }
    return this.importers.get(kind)!;
  }
}

const noRows = () =>
  new DomainException(OnboardingErrorCode.NO_ROWS, {
    vi: 'Tệp không có dòng dữ liệu nào (dòng 1 là tiêu đề; dòng ví dụ “VD:” được bỏ qua)',
    en: 'The file has no data rows (row 1 is the header; the “VD:” example row is skipped)',
  });

const tooManyRows = (count: number) =>
  new DomainException(OnboardingErrorCode.TOO_MANY_ROWS, {
    vi: `Tệp có ${count.toLocaleString('vi-VN')} dòng dữ liệu, tối đa ${MAX_ROWS.toLocaleString('vi-VN')} dòng mỗi lần; hãy chia thành nhiều tệp`,
    en: `The file has ${count.toLocaleString('en-US')} data rows, at most ${MAX_ROWS.toLocaleString('en-US')} per upload; split it into several files`,
  });

const TEMPLATE_NOTES = [
  {
    vi: 'Dòng 1 là tiêu đề cột, giữ nguyên chữ. Cột có dấu * là bắt buộc; có thể đổi thứ tự cột hoặc xóa cột không bắt buộc.',
    en: 'Row 1 holds the column headers; keep their text. Columns marked * are required; columns may be reordered and optional ones deleted.',
  },
  {
    vi: `Dòng có ô đầu tiên bắt đầu bằng “${EXAMPLE_MARK}” (dòng 2 của mẫu) là dòng ví dụ, không được nhập; có thể để nguyên, xóa hoặc ghi đè.`,
    en: `A row whose first cell starts with “${EXAMPLE_MARK}” (row 2 of the template) is an example and is not imported; keep, delete or overwrite it.`,
  },
  {
    vi: `Tối đa ${MAX_ROWS.toLocaleString('vi-VN')} dòng mỗi tệp. Tệp được ghi trọn vẹn hoặc không ghi gì: chỉ cần một dòng lỗi là không dòng nào được ghi.`,
    en: `At most ${MAX_ROWS.toLocaleString('en-US')} rows per file. A file is applied all or nothing: one bad row and no row is written.`,
  },
  {
    vi: 'Nên tải lên với dryRun=true trước: kết quả liệt kê mọi dòng lỗi, kèm số dòng, tên cột và lý do.',
    en: 'Upload with dryRun=true first: the answer lists every bad row with its number, column and reason.',
  },
  {
    vi: 'Có thể lưu thành CSV UTF-8, phân cách bằng dấu phẩy hoặc dấu chấm phẩy.',
    en: 'The file may also be saved as UTF-8 CSV, separated by commas or semicolons.',
  },
];

export class StampIssuanceResponseDto {
  id!: string;
  batchId!: string;
  productId!: string;
  count!: number;
  withPin!: boolean;
  printedAt!: Date | null;
  createdAt!: Date;
  /** Stamps per status. */
  statusCounts!: Record<string, number>;
  /** Where to download the print files. */
  files!: { pdf: string; csv: string; layouts: string[] };
}

export class StampRangeResultDto {
  /** How many stamps changed. */
  changed!: number;
  statusCounts!: Record<string, number>;
}

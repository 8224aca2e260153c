export enum StampStatus {
  Issued = 'issued',
  Activated = 'activated',
  Voided = 'voided',
  Recalled = 'recalled',
}

// Every queue the service uses, and what its jobs carry: ids only, never snapshots of data, so a job
// that runs late acts on the current rows (style rule 17).
export enum QueueName {
  /** Drive one listing one step further through its state machine (submit, reconcile, sync, unlist…). */
  Listing = 'listing-process',
  /** Expand a bulk publish into listings, one item at a time. */
  BulkPublish = 'bulk-publish-expand',
  /** Daily: erase personal data from old scan logs, delete scan logs past retention. */
  ScanLogRetention = 'scan-log-retention',
}

export interface JobPayloads {
  [QueueName.Listing]: { listingId: string };
  [QueueName.BulkPublish]: { bulkId: string };
  [QueueName.ScanLogRetention]: Record<string, never>;
}

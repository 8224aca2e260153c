// PostgreSQL advisory lock ids are shared by everything connected to the database: every one the
// service takes is listed here, so two features never pick the same number by accident.
export const AdvisoryLock = {
  /** Running migrations at start-up: one replica migrates, the others wait. */
  Migrations: 4_727_001,
  /** Creating the first admin / demo data on an empty database. */
  FirstRun: 4_727_002,
  /** Class id of the per-bulk lock (second key: hashtext(bulk id)): one expander per bulk publish. */
  BulkExpand: 4_727_003,
  /** Creating pg-boss queues: concurrent creation can deadlock. */
  QueueSetup: 4_727_004,
} as const;

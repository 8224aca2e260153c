import { execFileSync } from 'node:child_process';
import { closeSync, ftruncateSync, fstatSync, openSync, readdirSync, rmSync, statSync, writeSync } from 'node:fs';
// The module object itself (not an import-star copy), so the application's calls see the spy.
import fsp = require('node:fs/promises');
import { join, relative } from 'node:path';

const PAGE = 4096;
const FILLER = '.filler';
const roundUp = (n: number) => Math.ceil(n / PAGE) * PAGE;

/**
 * A folder on a disk the test can fill. Preferably a real 1 MiB tmpfs mounted on it (needs root, or
 * CAP_SYS_ADMIN); the kernel then answers ENOSPC itself. Where mounting is refused, writes of the
 * application through fs/promises' FileHandle are charged against a simulated free space instead,
 * rounded to 4 KiB pages like tmpfs, and fail with a real-looking ENOSPC error.
 */
export class SmallDisk {
  private constructor(
    readonly dir: string,
    readonly kind: 'tmpfs' | 'simulated',
    private readonly spy?: jest.SpyInstance,
  ) {}

  /** Simulated free space; Infinity when "freed". Unused with tmpfs. */
  private remaining = Infinity;

  static mount(dir: string, bytes = 1024 * 1024): SmallDisk {
    if (!process.env.NGUON_FAULTS_SIMULATE_DISK && process.getuid?.() === 0) {
      try {
        execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${bytes},mode=0755`, 'tmpfs', dir], { stdio: 'pipe' });
        return new SmallDisk(dir, 'tmpfs');
      } catch {
        // not permitted here (container without CAP_SYS_ADMIN): simulate below
      }
    }
    const realOpen = fsp.open;
    let disk: SmallDisk | undefined = undefined;
    const spy = jest.spyOn(fsp, 'open').mockImplementation(async (...args: Parameters<typeof fsp.open>) => {
      const handle = await realOpen(...args);
      if (!String(args[0]).startsWith(dir)) return handle;
      const write = handle.writeFile.bind(handle);
      handle.writeFile = (async (data: Buffer) => {
        const cost = roundUp(data.length);
        if (disk!.remaining < cost) throw Object.assign(new Error(`ENOSPC: no space left on device, write`), { code: 'ENOSPC', errno: -28, syscall: 'write' });
        disk!.remaining -= cost;
        return write(data);
      }) as typeof handle.writeFile;
      return handle;
    });
    disk = new SmallDisk(dir, 'simulated', spy);
    return disk;
  }

  /** No space left at all. */
  fill(): void {
    this.leave(0);
  }

  /** About `bytes` left (whole pages). */
  leave(bytes: number): void {
    if (this.kind === 'simulated') {
      this.remaining = roundUp(bytes);
      return;
    }
    const fd = openSync(join(this.dir, FILLER), 'a');
    try {
      const chunk = Buffer.alloc(64 * 1024, 1);
      for (let size = chunk.length; size >= 1; ) {
        try {
          writeSync(fd, chunk, 0, size);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
          size = Math.floor(size / 2);
        }
      }
      const full = fstatSync(fd).size;
      if (bytes > 0) ftruncateSync(fd, Math.max(0, Math.floor(full / PAGE) * PAGE - roundUp(bytes)));
    } finally {
      closeSync(fd);
    }
  }

  /** Space freed again. */
  free(): void {
    this.remaining = Infinity;
    rmSync(join(this.dir, FILLER), { force: true });
  }

  /** Every file under the folder (relative paths, sorted), the filler excepted. */
  files(): string[] {
    const out: string[] = [];
    const walk = (d: string) => {
      for (const entry of readdirSync(d, { withFileTypes: true })) {
        const path = join(d, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (entry.name !== FILLER) out.push(relative(this.dir, path));
      }
    };
    walk(this.dir);
    return out.sort();
  }

  sizeOf(file: string): number {
    return statSync(join(this.dir, file)).size;
  }

  release(): void {
    this.spy?.mockRestore();
    if (this.kind === 'tmpfs') execFileSync('umount', [this.dir], { stdio: 'pipe' });
    rmSync(this.dir, { recursive: true, force: true });
  }
}

import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, normalize, sep } from 'node:path';
import { randomBytes } from 'node:crypto';
import { AppConfig } from '../config/app-config';
import { DomainException } from '../common/errors/domain.exception';
import { MediaErrorCode } from '../media/media-error-code';
import { uploadSetOf } from './storage-paths';

const TMP_SUFFIX = '.tmp';
/** Temporary files older than this at start-up were left by a process that died while writing. */
const STALE_TMP_MS = 60 * 60 * 1000;
const NO_SPACE = new Set(['ENOSPC', 'EDQUOT']);

// Files on the local disk under DATA_DIR/uploads. Writes go to a temporary name first, are flushed to
// disk and renamed into place, so a crash or a full disk never leaves a half-written file behind under
// the real name. A failed write also removes the other sizes already written for the same upload
// (see uploadSetOf): callers write every size before any row points at them.
@Injectable()
export class FileStorage implements OnApplicationBootstrap {
  private readonly logger = new Logger('FileStorage');

  constructor(private readonly config: AppConfig) {}

  async put(key: string, data: Buffer): Promise<void> {
    const path = this.pathOf(key);
    const tmp = `${path}.${randomBytes(6).toString('hex')}${TMP_SUFFIX}`;
    try {
      await mkdir(dirname(path), { recursive: true });
      const file = await open(tmp, 'wx', 0o644);
      try {
        await file.writeFile(data);
        await file.sync();
      } finally {
        await file.close();
      }
      await rename(tmp, path);
    } catch (error) {
      await rm(tmp, { force: true }).catch(() => undefined);
      await this.removeUploadSet(key);
      throw storageFailed(error as NodeJS.ErrnoException);
    }
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await readFile(this.pathOf(key));
    } catch {
      return null;
    }
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  /** Start-up: temporary files of writes cut short by a crash are removed (in the background). */
  onApplicationBootstrap(): void {
    void this.removeStaleTemporaryFiles().catch((error: Error) => this.logger.warn(`Could not sweep temporary upload files: ${error.message}`));
  }

  async removeStaleTemporaryFiles(olderThanMs = STALE_TMP_MS): Promise<number> {
    const root = normalize(this.config.uploadDir);
    const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
    let removed = 0;
    for (const entry of entries) {
      if (!entry.isFile() || !entry.name.endsWith(TMP_SUFFIX)) continue;
      const path = join(entry.parentPath, entry.name);
      const info = await stat(path).catch(() => null);
      if (info && Date.now() - info.mtimeMs > olderThanMs) {
        await rm(path, { force: true });
        removed++;
      }
    }
    if (removed) this.logger.warn(`Removed ${removed} temporary upload file(s) left by an interrupted write`);
    return removed;
  }

  // The sizes of one upload that were written before this one failed: nothing refers to them yet.
  private async removeUploadSet(key: string): Promise<void> {
    const set = uploadSetOf(key);
    if (!set) return;
    const dir = this.pathOf(set.dir.replace(/\/$/, ''));
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of names) {
      if (name.startsWith(set.prefix)) await rm(join(dir, name), { force: true }).catch(() => undefined);
    }
  }

  private pathOf(key: string): string {
    const root = normalize(this.config.uploadDir);
    const path = normalize(join(root, key));
    if (!path.startsWith(root + sep)) throw new Error(`Storage key escapes the upload folder: ${key}`);
    return path;
  }
}

function storageFailed(error: NodeJS.ErrnoException): DomainException {
  if (error.code && NO_SPACE.has(error.code)) {
    return new DomainException(MediaErrorCode.STORAGE_FAILED, {
      vi: 'Hết dung lượng lưu trữ: ổ đĩa chứa tệp tải lên đã đầy nên tệp chưa được lưu. Vui lòng báo quản trị viên giải phóng dung lượng rồi thử lại',
      en: 'Storage full: the disk that holds uploads has no space left, so the file was not stored. Ask an administrator to free some space, then try again',
    });
  }
  return new DomainException(MediaErrorCode.STORAGE_FAILED, {
    vi: 'Không lưu được tệp (lỗi ghi ổ đĩa), tệp chưa được lưu; vui lòng báo quản trị viên',
    en: `Could not store the file (disk write error ${error.code ?? 'EIO'}); nothing was stored, please tell an administrator`,
  });
}

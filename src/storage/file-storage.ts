import { Injectable } from '@nestjs/common';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, normalize, sep } from 'node:path';
import { randomBytes } from 'node:crypto';
import { AppConfig } from '../config/app-config';
import { DomainException } from '../common/errors/domain.exception';
import { MediaErrorCode } from '../media/media-error-code';

// Files on the local disk under DATA_DIR/uploads. Writes go to a temporary name first and are renamed
// into place, so a crash or a full disk never leaves a half-written file behind under the real name.
@Injectable()
export class FileStorage {
  constructor(private readonly config: AppConfig) {}

  async put(key: string, data: Buffer): Promise<void> {
    const path = this.pathOf(key);
    const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(tmp, data);
      await rename(tmp, path);
    } catch (error) {
      await rm(tmp, { force: true }).catch(() => undefined);
      throw new DomainException(MediaErrorCode.STORAGE_FAILED, {
        vi: 'Không lưu được tệp (ổ đĩa đầy hoặc không ghi được), vui lòng báo quản trị viên',
        en: `Could not store the file (${(error as NodeJS.ErrnoException).code ?? 'I/O error'})`,
      });
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

  private pathOf(key: string): string {
    const root = normalize(this.config.uploadDir);
    const path = normalize(join(root, key));
    if (!path.startsWith(root + sep)) throw new Error(`Storage key escapes the upload folder: ${key}`);
    return path;
  }
}

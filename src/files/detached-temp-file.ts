/**
 * A temporary file that leaves nothing behind: made in a private folder (mode 0700), opened, and at once its name
 * and its folder are removed, so the open descriptor is the only way to it and the system frees it when the
 * process ends, however it ends (Ctrl-C, SIGKILL, a crash). What spools there (names, UPNs, attribute values) is
 * never left in the temp folder for the next user of the machine to find.
 *
 * Where an open file cannot be removed (Windows without POSIX delete semantics), the folder stays until close():
 * whoever creates one registers close() to run when the process exits or is interrupted.
 */
import { closeSync, mkdtempSync, openSync, rmdirSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Removes the open file's name and its folder; throws when the system refuses (the caller keeps the folder). */
export type Detach = (file: string, folder: string) => void;

const detachNow: Detach = (file, folder) => {
  unlinkSync(file);
  rmdirSync(folder);
};

export class DetachedTempFile {
  /** Read and write through this descriptor only: the file has no name once detached. */
  readonly fd: number;
  private folder: string | undefined;
  private closed = false;

  constructor(prefix: string, detach: Detach = detachNow) {
    const folder = mkdtempSync(path.join(tmpdir(), prefix));
    const file = path.join(folder, 'spool');
    this.fd = openSync(file, 'w+', 0o600);
    this.folder = folder;
    try {
      detach(file, folder);
      this.folder = undefined;
    } catch {
      // Kept until close(): the exit cleanup the creator registered removes it.
    }
  }

  /** The folder still on disk when the open file could not be removed; undefined once detached or closed. */
  get leftBehind(): string | undefined {
    return this.folder;
  }

  /** Closes the descriptor and removes what is left on disk. Safe to call more than once. */
  close(): void {
    if (!this.closed) {
      this.closed = true;
      closeSync(this.fd);
    }
    if (this.folder !== undefined) {
      rmSync(this.folder, { recursive: true, force: true });
      this.folder = undefined;
    }
  }
}

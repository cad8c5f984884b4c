/**
 * Where the active server's export details wait while the staging server's exports are read: a temporary file,
 * so memory holds one offset per export, not the details. Only the bounded samples are read back.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface DetailSpool {
  /** Stores a text; returns where it is. */
  put(text: string): { at: number; length: number };
  get(at: number, length: number): string;
  dispose(): void;
}

const FLUSH_AT = 1 << 20;

export class FileDetailSpool implements DetailSpool {
  private readonly dir = mkdtempSync(path.join(tmpdir(), 'syncstage-impact-'));
  private readonly fd = openSync(path.join(this.dir, 'details.jsonl'), 'w+');
  private pending: string[] = [];
  private pendingBytes = 0;
  private written = 0;

  put(text: string): { at: number; length: number } {
    const length = Buffer.byteLength(text, 'utf8');
    const at = this.written + this.pendingBytes;
    this.pending.push(text);
    this.pendingBytes += length;
    if (this.pendingBytes >= FLUSH_AT) this.flush();
    return { at, length };
  }

  get(at: number, length: number): string {
    this.flush();
    const buffer = Buffer.alloc(length);
    let read = 0;
    while (read < length) {
      const n = readSync(this.fd, buffer, read, length - read, at + read);
      if (n === 0) throw new Error(`detail spool: short read at ${at}`);
      read += n;
    }
    return buffer.toString('utf8');
  }

  private flush(): void {
    if (this.pendingBytes === 0) return;
    const data = Buffer.from(this.pending.join(''), 'utf8');
    let done = 0;
    while (done < data.length) done += writeSync(this.fd, data, done, data.length - done, this.written + done);
    this.written += data.length;
    this.pending = [];
    this.pendingBytes = 0;
  }

  dispose(): void {
    closeSync(this.fd);
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** For small inputs and tests: the details stay in memory. */
export class MemoryDetailSpool implements DetailSpool {
  private readonly texts: string[] = [];

  put(text: string): { at: number; length: number } {
    this.texts.push(text);
    return { at: this.texts.length - 1, length: 0 };
  }

  get(at: number): string {
    const text = this.texts[at];
    if (text === undefined) throw new Error(`detail spool: nothing at ${at}`);
    return text;
  }

  dispose(): void {
    this.texts.length = 0;
  }
}

/**
 * Where the active server's export details wait while the staging server's exports are read: a temporary file,
 * so memory holds one offset per export, not the details. Only the bounded samples are read back.
 *
 * The details are names, UPNs and attribute values, unredacted (redaction applies to what is shown): the file is
 * detached from the file system as soon as it is open (files/detached-temp-file.ts), so an interrupted run leaves
 * nothing behind.
 */
import { readSync, writeSync } from 'node:fs';
import { DetachedTempFile, type Detach } from '../files/detached-temp-file.js';

export interface DetailSpool {
  /** Stores a text; returns where it is. */
  put(text: string): { at: number; length: number };
  get(at: number, length: number): string;
  dispose(): void;
}

const FLUSH_AT = 1 << 20;

export class FileDetailSpool implements DetailSpool {
  private readonly file: DetachedTempFile;
  private readonly fd: number;
  private pending: string[] = [];
  private pendingBytes = 0;
  private written = 0;

  constructor(detach?: Detach) {
    this.file = new DetachedTempFile('syncstage-impact-', detach);
    this.fd = this.file.fd;
  }

  /** The temporary folder still on disk (where the open file could not be detached), until dispose(). */
  get leftBehind(): string | undefined {
    return this.file.leftBehind;
  }

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

  /** Safe to call more than once (the pairing disposes of it, and so does the CLI's exit cleanup). */
  dispose(): void {
    this.pending = [];
    this.pendingBytes = 0;
    this.file.close();
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

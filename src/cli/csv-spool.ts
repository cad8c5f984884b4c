/** CSV rows spooled while parsing: stdout gets nothing until every file was read (no partial report). */
import { readSync, writeSync } from 'node:fs';
import { DetachedTempFile } from '../files/detached-temp-file.js';
import { onExit } from './exit-cleanup.js';

/**
 * Rows go to a temporary file while parsing (bounded memory) and reach stdout only when every file was read. The
 * file is detached from the file system once open (nothing left behind, however the run ends); where it cannot
 * be, the exit cleanup removes it.
 */
export class CsvSpool {
  private readonly file = new DetachedTempFile('syncstage-csv-');
  private readonly fd = this.file.fd;
  private readonly forgetCleanup = onExit(() => this.file.close());
  private buffered = '';

  write(text: string): void {
    this.buffered += text;
    if (this.buffered.length > 1 << 20) this.flush();
  }

  private flush(): void {
    if (this.buffered) writeSync(this.fd, this.buffered);
    this.buffered = '';
  }

  copyTo(out: (text: string) => void): void {
    this.flush();
    const chunk = Buffer.alloc(1 << 20);
    const decoder = new TextDecoder('utf-8');
    for (let position = 0; ; ) {
      const n = readSync(this.fd, chunk, 0, chunk.length, position);
      if (n === 0) break;
      position += n;
      out(decoder.decode(chunk.subarray(0, n), { stream: true }));
    }
    const rest = decoder.decode();
    if (rest) out(rest);
  }

  dispose(): void {
    this.buffered = '';
    this.file.close();
    this.forgetCleanup();
  }
}

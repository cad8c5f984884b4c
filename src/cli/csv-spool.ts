/** CSV rows spooled while parsing: stdout gets nothing until every file was read (no partial report). */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Rows go to a temporary file while parsing (bounded memory) and reach stdout only when every file was read. */
export class CsvSpool {
  private readonly dir = mkdtempSync(path.join(tmpdir(), 'syncstage-csv-'));
  private readonly file = path.join(this.dir, 'rows.csv');
  private readonly fd = openSync(this.file, 'w+');
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
    closeSync(this.fd);
    rmSync(this.dir, { recursive: true, force: true });
  }
}

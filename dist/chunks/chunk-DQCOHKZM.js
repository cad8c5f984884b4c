import { createRequire as __syncstageCreateRequire } from 'node:module'; const require = __syncstageCreateRequire(import.meta.url);
import {
  onExit
} from "./chunk-HXCP3CTC.js";
import {
  DetachedTempFile
} from "./chunk-SY3FYCIP.js";

// src/cli/progress.ts
var SILENT = { bytes() {
}, objects() {
}, done() {
} };
function createProgress(io, now = Date.now) {
  if (!io.stderrIsTTY) return SILENT;
  const started = now();
  let last = started;
  let bytesRead = 0;
  let objectCount = 0;
  let shown = false;
  const show = (file) => {
    const t = now();
    if (t - last < 500) return;
    last = t;
    const seconds = Math.max((t - started) / 1e3, 1e-3);
    const rate = Math.round(objectCount / seconds).toLocaleString("en-US");
    io.stderr(`\r${file}: ${(bytesRead / 1e6).toFixed(1)} MB read, ${objectCount.toLocaleString("en-US")} objects (${rate}/s)\x1B[K`);
    shown = true;
  };
  return {
    bytes(file, n) {
      bytesRead = n;
      show(file);
    },
    objects(file, n) {
      objectCount = n;
      if ((n & 1023) === 0) show(file);
    },
    done() {
      if (shown) io.stderr("\r\x1B[K");
    }
  };
}

// src/cli/csv-spool.ts
import { readSync, writeSync } from "node:fs";
var CsvSpool = class {
  file = new DetachedTempFile("syncstage-csv-");
  fd = this.file.fd;
  forgetCleanup = onExit(() => this.file.close());
  buffered = "";
  write(text) {
    this.buffered += text;
    if (this.buffered.length > 1 << 20) this.flush();
  }
  flush() {
    if (this.buffered) writeSync(this.fd, this.buffered);
    this.buffered = "";
  }
  copyTo(out) {
    this.flush();
    const chunk = Buffer.alloc(1 << 20);
    const decoder = new TextDecoder("utf-8");
    for (let position = 0; ; ) {
      const n = readSync(this.fd, chunk, 0, chunk.length, position);
      if (n === 0) break;
      position += n;
      out(decoder.decode(chunk.subarray(0, n), { stream: true }));
    }
    const rest = decoder.decode();
    if (rest) out(rest);
  }
  dispose() {
    this.buffered = "";
    this.file.close();
    this.forgetCleanup();
  }
};

// src/report/csv.ts
var FORMULA_START = /^[=+\-@\t\r]/;
function neutralizeFormula(value) {
  return FORMULA_START.test(value) ? `'${value}` : value;
}
function quotedCell(value) {
  if (value === void 0) return '""';
  const text = typeof value === "number" ? String(value) : neutralizeFormula(value);
  return `"${text.replace(/"/g, '""')}"`;
}
function csvLine(cells, newline = "\n") {
  return cells.map(quotedCell).join(",") + newline;
}

export {
  csvLine,
  createProgress,
  CsvSpool
};

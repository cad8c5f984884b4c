import { createRequire as __syncstageCreateRequire } from 'node:module'; const require = __syncstageCreateRequire(import.meta.url);
import {
  EXPORTS_HELP,
  runExports,
  toReadable
} from "./chunk-JVCNIYOY.js";
import "./chunk-KTPYBK2R.js";
import "./chunk-KTUUBXFR.js";
import "./chunk-DSYZKNZC.js";
import "./chunk-RUNHY2OS.js";
import "./chunk-FI3QPWKJ.js";
import "./chunk-HSHFYFWW.js";
import "./chunk-AS5RQRXU.js";
import "./chunk-TJQ7GH6D.js";
export {
  EXPORTS_HELP,
  runExports,
  toReadable
};

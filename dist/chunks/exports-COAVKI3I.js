import { createRequire as __syncstageCreateRequire } from 'node:module'; const require = __syncstageCreateRequire(import.meta.url);
import {
  EXPORTS_HELP,
  runExports,
  toReadable
} from "./chunk-BZRWHDDN.js";
import "./chunk-YRDFEZCL.js";
import "./chunk-GJICMZ47.js";
import "./chunk-Y2VFYRNN.js";
import "./chunk-OULOXCNK.js";
import "./chunk-FI3QPWKJ.js";
import "./chunk-MI3TJSFR.js";
import "./chunk-AS5RQRXU.js";
import "./chunk-TJQ7GH6D.js";
export {
  EXPORTS_HELP,
  runExports,
  toReadable
};

import { createRequire as __syncstageCreateRequire } from 'node:module'; const require = __syncstageCreateRequire(import.meta.url);
import {
  EXPORTS_HELP,
  runExports,
  toReadable
} from "./chunk-KROAZKJW.js";
import "./chunk-BTLWLP4N.js";
import "./chunk-HTSSMIAO.js";
import "./chunk-HKY3SNDQ.js";
import "./chunk-H7W736X4.js";
import "./chunk-FI3QPWKJ.js";
import "./chunk-U6J4EHO3.js";
import "./chunk-AS5RQRXU.js";
import "./chunk-TJQ7GH6D.js";
export {
  EXPORTS_HELP,
  runExports,
  toReadable
};

import { createRequire as __syncstageCreateRequire } from 'node:module'; const require = __syncstageCreateRequire(import.meta.url);
import {
  EXPORTS_HELP,
  runExports,
  toReadable
} from "./chunk-W22WFW5D.js";
import "./chunk-3PRDYYZW.js";
import "./chunk-PXDYL5ZE.js";
import "./chunk-6YTPNEAB.js";
import "./chunk-VPGEEAGK.js";
import "./chunk-UBTU6MOS.js";
import "./chunk-5VVA4ZGB.js";
import "./chunk-PLMERTMM.js";
import "./chunk-FI3QPWKJ.js";
import "./chunk-O4K3TWSI.js";
import "./chunk-AS5RQRXU.js";
import "./chunk-TJQ7GH6D.js";
export {
  EXPORTS_HELP,
  runExports,
  toReadable
};

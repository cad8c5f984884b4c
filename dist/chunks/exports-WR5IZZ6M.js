import { createRequire as __syncstageCreateRequire } from 'node:module'; const require = __syncstageCreateRequire(import.meta.url);
import {
  EXPORTS_HELP,
  runExports,
  toReadable
} from "./chunk-4EXC3RMT.js";
import "./chunk-3PRDYYZW.js";
import "./chunk-PXDYL5ZE.js";
import "./chunk-2R6B2AJY.js";
import "./chunk-VPGEEAGK.js";
import "./chunk-Y5KKKDZS.js";
import "./chunk-LDPRQYS2.js";
import "./chunk-OJC5TE33.js";
import "./chunk-FI3QPWKJ.js";
import "./chunk-HUGM43SY.js";
import "./chunk-AS5RQRXU.js";
import "./chunk-TJQ7GH6D.js";
export {
  EXPORTS_HELP,
  runExports,
  toReadable
};

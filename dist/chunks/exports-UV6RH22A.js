import { createRequire as __syncstageCreateRequire } from 'node:module'; const require = __syncstageCreateRequire(import.meta.url);
import {
  EXPORTS_HELP,
  runExports,
  toReadable
} from "./chunk-VM3MWH2A.js";
import "./chunk-3PRDYYZW.js";
import "./chunk-NEKKSATS.js";
import "./chunk-Q6HGCTB2.js";
import "./chunk-VPGEEAGK.js";
import "./chunk-3B5PR3PZ.js";
import "./chunk-TGDND7CW.js";
import "./chunk-XMXRFKNY.js";
import "./chunk-D6S2TCDS.js";
import "./chunk-FCQK7BWQ.js";
import "./chunk-AYEKLC3Z.js";
import "./chunk-TJQ7GH6D.js";
export {
  EXPORTS_HELP,
  runExports,
  toReadable
};

import { createRequire as __syncstageCreateRequire } from 'node:module'; const require = __syncstageCreateRequire(import.meta.url);
import {
  EXPORTS_HELP,
  runExports,
  toReadable
} from "./chunk-HFDARZCU.js";
import "./chunk-3PRDYYZW.js";
import "./chunk-USESCZZN.js";
import "./chunk-7EGZBTUR.js";
import "./chunk-XZW4AGU5.js";
import "./chunk-AWJE2WZS.js";
import "./chunk-RLBUP4PU.js";
import "./chunk-PJRBFKR2.js";
import "./chunk-SKZLKZNP.js";
import "./chunk-BBK34LR2.js";
import "./chunk-AYEKLC3Z.js";
import "./chunk-TJQ7GH6D.js";
export {
  EXPORTS_HELP,
  runExports,
  toReadable
};

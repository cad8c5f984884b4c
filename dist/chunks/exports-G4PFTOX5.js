import { createRequire as __syncstageCreateRequire } from 'node:module'; const require = __syncstageCreateRequire(import.meta.url);
import {
  EXPORTS_HELP,
  runExports,
  toReadable
} from "./chunk-T5T75WDV.js";
import "./chunk-XC354FBL.js";
import "./chunk-HXCP3CTC.js";
import "./chunk-RXFLYGFL.js";
import "./chunk-ZCQFOC4W.js";
import "./chunk-TGO2PSWY.js";
import "./chunk-V2LAYTHH.js";
import "./chunk-YJ4XXSKH.js";
import "./chunk-7IM4LFFT.js";
import "./chunk-CJNZHR3P.js";
import "./chunk-RE3EBN7F.js";
import "./chunk-XGP4FN77.js";
import "./chunk-TJQ7GH6D.js";
export {
  EXPORTS_HELP,
  runExports,
  toReadable
};

import { createRequire as __syncstageCreateRequire } from 'node:module'; const require = __syncstageCreateRequire(import.meta.url);
import {
  EXPORTS_HELP,
  runExports,
  toReadable
} from "./chunk-HNWCMLJ7.js";
import "./chunk-RS5QTHAK.js";
import "./chunk-HXCP3CTC.js";
import "./chunk-RXFLYGFL.js";
import "./chunk-RZDFKGBE.js";
import "./chunk-TGO2PSWY.js";
import "./chunk-6RJHGJFC.js";
import "./chunk-RKJERAKM.js";
import "./chunk-FKCFV42A.js";
import "./chunk-CJNZHR3P.js";
import "./chunk-GY4DR7JZ.js";
import "./chunk-XGP4FN77.js";
import "./chunk-TJQ7GH6D.js";
export {
  EXPORTS_HELP,
  runExports,
  toReadable
};

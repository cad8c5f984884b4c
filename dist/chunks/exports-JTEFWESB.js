import { createRequire as __syncstageCreateRequire } from 'node:module'; const require = __syncstageCreateRequire(import.meta.url);
import {
  EXPORTS_HELP,
  runExports,
  toReadable
} from "./chunk-6IXF7RZ3.js";
import "./chunk-DQCOHKZM.js";
import "./chunk-HXCP3CTC.js";
import "./chunk-RXFLYGFL.js";
import "./chunk-V6BOQP4V.js";
import "./chunk-TGO2PSWY.js";
import "./chunk-2YJQUTME.js";
import "./chunk-SY3FYCIP.js";
import "./chunk-B7FHMQU2.js";
import "./chunk-CJNZHR3P.js";
import "./chunk-FQ37H2IA.js";
import "./chunk-XGP4FN77.js";
import "./chunk-TJQ7GH6D.js";
export {
  EXPORTS_HELP,
  runExports,
  toReadable
};

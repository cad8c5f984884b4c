import { createRequire as __syncstageCreateRequire } from 'node:module'; const require = __syncstageCreateRequire(import.meta.url);
import {
  EXPORTS_HELP,
  runExports,
  toReadable
} from "./chunk-MO524ZWO.js";
import "./chunk-YS42HCSH.js";
import "./chunk-HXCP3CTC.js";
import "./chunk-RXFLYGFL.js";
import "./chunk-X3PU3DZQ.js";
import "./chunk-TGO2PSWY.js";
import "./chunk-UX5XUCQM.js";
import "./chunk-65VSSC3C.js";
import "./chunk-24VF42O6.js";
import "./chunk-CJNZHR3P.js";
import "./chunk-EUZRDG6P.js";
import "./chunk-XGP4FN77.js";
import "./chunk-TJQ7GH6D.js";
export {
  EXPORTS_HELP,
  runExports,
  toReadable
};

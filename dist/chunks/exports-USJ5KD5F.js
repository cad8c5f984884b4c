import { createRequire as __syncstageCreateRequire } from 'node:module'; const require = __syncstageCreateRequire(import.meta.url);
import {
  EXPORTS_HELP,
  runExports,
  toReadable
} from "./chunk-VOEW5PKD.js";
import "./chunk-L6OTVG6V.js";
import "./chunk-HXCP3CTC.js";
import "./chunk-RXFLYGFL.js";
import "./chunk-NMJGDCDR.js";
import "./chunk-TGO2PSWY.js";
import "./chunk-GZ2OIVN6.js";
import "./chunk-ZQ6CEXF4.js";
import "./chunk-QEJOFD3Y.js";
import "./chunk-CJNZHR3P.js";
import "./chunk-CJZ4X3PU.js";
import "./chunk-XGP4FN77.js";
import "./chunk-TJQ7GH6D.js";
export {
  EXPORTS_HELP,
  runExports,
  toReadable
};

import { createRequire as __syncstageCreateRequire } from 'node:module'; const require = __syncstageCreateRequire(import.meta.url);
import {
  EXPORTS_HELP,
  runExports,
  toReadable
} from "./chunk-FVAQZ337.js";
import "./chunk-QY7YDDB2.js";
import "./chunk-HXCP3CTC.js";
import "./chunk-RXFLYGFL.js";
import "./chunk-IND35YJJ.js";
import "./chunk-TGO2PSWY.js";
import "./chunk-MRZI5HTB.js";
import "./chunk-V2PPEHCJ.js";
import "./chunk-7PLRPDGU.js";
import "./chunk-CJNZHR3P.js";
import "./chunk-NAMP3I5G.js";
import "./chunk-XGP4FN77.js";
import "./chunk-TJQ7GH6D.js";
export {
  EXPORTS_HELP,
  runExports,
  toReadable
};

import { createRequire as __syncstageCreateRequire } from 'node:module'; const require = __syncstageCreateRequire(import.meta.url);
import {
  EXPORTS_HELP,
  runExports,
  toReadable
} from "./chunk-7WC2KT32.js";
import "./chunk-KMFAHQOK.js";
import "./chunk-HXCP3CTC.js";
import "./chunk-IQPWSQMY.js";
import "./chunk-37ILKCNI.js";
import "./chunk-TGO2PSWY.js";
import "./chunk-IVWD577R.js";
import "./chunk-ISKLYIL2.js";
import "./chunk-ZPMN2YM5.js";
import "./chunk-26F5XY7Y.js";
import "./chunk-O5LNCOKA.js";
import "./chunk-ZUWN6UYI.js";
import "./chunk-TJQ7GH6D.js";
export {
  EXPORTS_HELP,
  runExports,
  toReadable
};

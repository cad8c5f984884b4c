import { createRequire as __syncstageCreateRequire } from 'node:module'; const require = __syncstageCreateRequire(import.meta.url);
import {
  EXPORTS_HELP,
  runExports,
  toReadable
} from "./chunk-7FDAWWAR.js";
import "./chunk-3PRDYYZW.js";
import "./chunk-F4EMLAI7.js";
import "./chunk-2SR3WB5L.js";
import "./chunk-XZW4AGU5.js";
import "./chunk-WVJP4Y6P.js";
import "./chunk-ROB4FAMG.js";
import "./chunk-SHTO7N5Q.js";
import "./chunk-D6S2TCDS.js";
import "./chunk-ZQCKNFMG.js";
import "./chunk-AYEKLC3Z.js";
import "./chunk-TJQ7GH6D.js";
export {
  EXPORTS_HELP,
  runExports,
  toReadable
};

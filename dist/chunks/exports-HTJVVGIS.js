import { createRequire as __syncstageCreateRequire } from 'node:module'; const require = __syncstageCreateRequire(import.meta.url);
import {
  EXPORTS_HELP,
  runExports,
  toReadable
} from "./chunk-KUVKEBMU.js";
import "./chunk-MNTONE4B.js";
import "./chunk-DW57DI3C.js";
import "./chunk-OQ2FVETF.js";
import "./chunk-GDQRJSEE.js";
import "./chunk-Y3JNCAWI.js";
import "./chunk-SMOPGBYH.js";
import "./chunk-ZJFWCMGJ.js";
import "./chunk-TJQ7GH6D.js";
export {
  EXPORTS_HELP,
  runExports,
  toReadable
};

import { createRequire as __syncstageCreateRequire } from 'node:module'; const require = __syncstageCreateRequire(import.meta.url);
import {
  EXPORTS_HELP,
  runExports,
  toReadable
} from "./chunk-T2WY2GLC.js";
import "./chunk-HF2M5KDL.js";
import "./chunk-XFOSLGE7.js";
import "./chunk-AIQCSZYH.js";
import "./chunk-QQ7QL4AD.js";
import "./chunk-62GPRCDO.js";
import "./chunk-GGI5VKWD.js";
import "./chunk-TJQ7GH6D.js";
export {
  EXPORTS_HELP,
  runExports,
  toReadable
};

import { createRequire as __syncstageCreateRequire } from 'node:module'; const require = __syncstageCreateRequire(import.meta.url);
import {
  EXPORTS_HELP,
  runExports,
  toReadable
} from "./chunk-7LCOWVVN.js";
import "./chunk-SXDF5GBV.js";
import "./chunk-4EGLXNTB.js";
import "./chunk-UQP56W5A.js";
import "./chunk-QQ7QL4AD.js";
import "./chunk-62GPRCDO.js";
import "./chunk-GGI5VKWD.js";
import "./chunk-TJQ7GH6D.js";
export {
  EXPORTS_HELP,
  runExports,
  toReadable
};

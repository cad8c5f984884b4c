import { createRequire as __syncstageCreateRequire } from 'node:module'; const require = __syncstageCreateRequire(import.meta.url);
import {
  EXPORTS_HELP,
  runExports,
  toReadable
} from "./chunk-MV2QA4GM.js";
import "./chunk-FPNFH5MF.js";
import "./chunk-MLFETIB2.js";
import "./chunk-4XJ4W3CB.js";
import "./chunk-AIYXHKLZ.js";
import "./chunk-QQ7QL4AD.js";
import "./chunk-QB3BLR4T.js";
import "./chunk-GGI5VKWD.js";
import "./chunk-TJQ7GH6D.js";
export {
  EXPORTS_HELP,
  runExports,
  toReadable
};

import { createRequire as __syncstageCreateRequire } from 'node:module'; const require = __syncstageCreateRequire(import.meta.url);
import {
  EXPORTS_HELP,
  runExports,
  toReadable
} from "./chunk-WNOPEXPP.js";
import "./chunk-43NSLLIJ.js";
import "./chunk-KSPLYMS3.js";
import "./chunk-LTHLJ3KG.js";
import "./chunk-GF3SNQXD.js";
import "./chunk-QQ7QL4AD.js";
import "./chunk-YBMU476B.js";
import "./chunk-GGI5VKWD.js";
import "./chunk-TJQ7GH6D.js";
export {
  EXPORTS_HELP,
  runExports,
  toReadable
};

import { createRequire as __syncstageCreateRequire } from 'node:module'; const require = __syncstageCreateRequire(import.meta.url);
import {
  EXPORTS_HELP,
  failReasons,
  runExports,
  toReadable
} from "./chunk-Y643V3E4.js";
import "./chunk-QL4DFJYD.js";
import "./chunk-AIL4PTWS.js";
import "./chunk-SRXYHMOI.js";
import "./chunk-XCLSEC2M.js";
import "./chunk-GGI5VKWD.js";
import "./chunk-TJQ7GH6D.js";
export {
  EXPORTS_HELP,
  failReasons,
  runExports,
  toReadable
};

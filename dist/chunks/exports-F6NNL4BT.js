import { createRequire as __syncstageCreateRequire } from 'node:module'; const require = __syncstageCreateRequire(import.meta.url);
import {
  EXPORTS_HELP,
  runExports,
  toReadable
} from "./chunk-XIJUHTC7.js";
import "./chunk-3PRDYYZW.js";
import "./chunk-USESCZZN.js";
import "./chunk-RKM5HI76.js";
import "./chunk-XZW4AGU5.js";
import "./chunk-VNSK6Q7E.js";
import "./chunk-4BF4M3BE.js";
import "./chunk-RCH5LMGK.js";
import "./chunk-SKZLKZNP.js";
import "./chunk-J2BUMIUU.js";
import "./chunk-AYEKLC3Z.js";
import "./chunk-TJQ7GH6D.js";
export {
  EXPORTS_HELP,
  runExports,
  toReadable
};

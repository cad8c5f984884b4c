import { createRequire as __syncstageCreateRequire } from 'node:module'; const require = __syncstageCreateRequire(import.meta.url);
import {
  EXPORTS_HELP,
  runExports,
  toReadable
} from "./chunk-QFNS33W6.js";
import "./chunk-B6IFSAFV.js";
import "./chunk-CGUMZVAA.js";
import "./chunk-5FCSK2MV.js";
import "./chunk-PTQVJEWH.js";
import "./chunk-Y3JNCAWI.js";
import "./chunk-VVB4FYR7.js";
import "./chunk-ZJFWCMGJ.js";
import "./chunk-TJQ7GH6D.js";
export {
  EXPORTS_HELP,
  runExports,
  toReadable
};

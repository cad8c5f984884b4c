import { createRequire as __syncstageCreateRequire } from 'node:module'; const require = __syncstageCreateRequire(import.meta.url);
import {
  EXPORTS_HELP,
  runExports,
  toReadable
} from "./chunk-GLR746QN.js";
import "./chunk-Y2JKTAVU.js";
import "./chunk-HXCP3CTC.js";
import "./chunk-USESCZZN.js";
import "./chunk-IP4UV36A.js";
import "./chunk-XZW4AGU5.js";
import "./chunk-VDEKR7IQ.js";
import "./chunk-QUBPHFZH.js";
import "./chunk-S7SFIZZD.js";
import "./chunk-SKZLKZNP.js";
import "./chunk-X5JHRE6F.js";
import "./chunk-AYEKLC3Z.js";
import "./chunk-TJQ7GH6D.js";
export {
  EXPORTS_HELP,
  runExports,
  toReadable
};

import { createRequire as __syncstageCreateRequire } from 'node:module'; const require = __syncstageCreateRequire(import.meta.url);
import {
  EXPORTS_HELP,
  runExports,
  toReadable
} from "./chunk-FBTCFYBV.js";
import "./chunk-3PRDYYZW.js";
import "./chunk-F4EMLAI7.js";
import "./chunk-QTQIEW5V.js";
import "./chunk-XZW4AGU5.js";
import "./chunk-3JD2CJSB.js";
import "./chunk-JNW4PO2Q.js";
import "./chunk-ZUSJKTE4.js";
import "./chunk-D6S2TCDS.js";
import "./chunk-UDXKJCS7.js";
import "./chunk-AYEKLC3Z.js";
import "./chunk-TJQ7GH6D.js";
export {
  EXPORTS_HELP,
  runExports,
  toReadable
};

import { createRequire as __syncstageCreateRequire } from 'node:module'; const require = __syncstageCreateRequire(import.meta.url);
import {
  EXPORTS_HELP,
  runExports,
  toReadable
} from "./chunk-6JEZZU6W.js";
import "./chunk-3PRDYYZW.js";
import "./chunk-USESCZZN.js";
import "./chunk-HM5QHTOB.js";
import "./chunk-XZW4AGU5.js";
import "./chunk-DOVUBKWG.js";
import "./chunk-4DXDIQBT.js";
import "./chunk-34OBS4BR.js";
import "./chunk-SKZLKZNP.js";
import "./chunk-XNZEQOZQ.js";
import "./chunk-AYEKLC3Z.js";
import "./chunk-TJQ7GH6D.js";
export {
  EXPORTS_HELP,
  runExports,
  toReadable
};

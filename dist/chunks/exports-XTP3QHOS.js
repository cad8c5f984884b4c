import { createRequire as __syncstageCreateRequire } from 'node:module'; const require = __syncstageCreateRequire(import.meta.url);
import {
  EXPORTS_HELP,
  runExports,
  toReadable
} from "./chunk-UEPD67GM.js";
import "./chunk-3PRDYYZW.js";
import "./chunk-C3Q5HDKO.js";
import "./chunk-MLXE7ZH4.js";
import "./chunk-VPGEEAGK.js";
import "./chunk-G2H4YMX5.js";
import "./chunk-2XRKTAV3.js";
import "./chunk-WSDIHWWJ.js";
import "./chunk-G4XSZNEY.js";
import "./chunk-L72XIMV5.js";
import "./chunk-ORGSPEXA.js";
import "./chunk-TJQ7GH6D.js";
export {
  EXPORTS_HELP,
  runExports,
  toReadable
};

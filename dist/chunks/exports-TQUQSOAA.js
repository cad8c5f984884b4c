import { createRequire as __syncstageCreateRequire } from 'node:module'; const require = __syncstageCreateRequire(import.meta.url);
import {
  EXPORTS_HELP,
  runExports,
  toReadable
} from "./chunk-GDN2IUSO.js";
import "./chunk-3PRDYYZW.js";
import "./chunk-C3Q5HDKO.js";
import "./chunk-LBPEMJ2Q.js";
import "./chunk-VPGEEAGK.js";
import "./chunk-CEBZ2TAS.js";
import "./chunk-3AKEHSIB.js";
import "./chunk-VMS7GKZD.js";
import "./chunk-G4XSZNEY.js";
import "./chunk-V25BIJAU.js";
import "./chunk-ORGSPEXA.js";
import "./chunk-TJQ7GH6D.js";
export {
  EXPORTS_HELP,
  runExports,
  toReadable
};

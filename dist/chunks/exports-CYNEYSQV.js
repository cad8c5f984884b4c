import { createRequire as __syncstageCreateRequire } from 'node:module'; const require = __syncstageCreateRequire(import.meta.url);
import {
  EXPORTS_HELP,
  runExports,
  toReadable
} from "./chunk-SXB3EUZC.js";
import "./chunk-R2OBF7AY.js";
import "./chunk-NDWMNKK4.js";
import "./chunk-ASWVQF2W.js";
import "./chunk-VEU5QMEW.js";
import "./chunk-QQ7QL4AD.js";
import "./chunk-5HXZQ5II.js";
import "./chunk-GGI5VKWD.js";
import "./chunk-TJQ7GH6D.js";
export {
  EXPORTS_HELP,
  runExports,
  toReadable
};

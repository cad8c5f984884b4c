import { createRequire as __syncstageCreateRequire } from 'node:module'; const require = __syncstageCreateRequire(import.meta.url);
import {
  EXPORTS_HELP,
  runExports,
  toReadable
} from "./chunk-AMYFMACM.js";
import "./chunk-2W4PDW2J.js";
import "./chunk-P7BT7HYC.js";
import "./chunk-EIKUCA55.js";
import "./chunk-WPHS3INN.js";
import "./chunk-6UKSGGGK.js";
import "./chunk-EKLIYGXP.js";
import "./chunk-QVB6L7Z4.js";
import "./chunk-TJQ7GH6D.js";
export {
  EXPORTS_HELP,
  runExports,
  toReadable
};

import { createRequire as __syncstageCreateRequire } from 'node:module'; const require = __syncstageCreateRequire(import.meta.url);
import {
  EXPORTS_HELP,
  runExports,
  toReadable
} from "./chunk-ZD5YMAO2.js";
import "./chunk-Q7QCNQQE.js";
import "./chunk-R4GK5RZB.js";
import "./chunk-44H6TWFN.js";
import "./chunk-W4L4EADM.js";
import "./chunk-6UKSGGGK.js";
import "./chunk-RQRRIYOE.js";
import "./chunk-QVB6L7Z4.js";
import "./chunk-TJQ7GH6D.js";
export {
  EXPORTS_HELP,
  runExports,
  toReadable
};

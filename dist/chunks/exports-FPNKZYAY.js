import { createRequire as __syncstageCreateRequire } from 'node:module'; const require = __syncstageCreateRequire(import.meta.url);
import {
  EXPORTS_HELP,
  runExports,
  toReadable
} from "./chunk-UMHXX6H6.js";
import "./chunk-3PRDYYZW.js";
import "./chunk-F4EMLAI7.js";
import "./chunk-72LEEQ7Y.js";
import "./chunk-XZW4AGU5.js";
import "./chunk-NXCHG2ZL.js";
import "./chunk-DB2JBQN2.js";
import "./chunk-XMXRFKNY.js";
import "./chunk-D6S2TCDS.js";
import "./chunk-FCQK7BWQ.js";
import "./chunk-AYEKLC3Z.js";
import "./chunk-TJQ7GH6D.js";
export {
  EXPORTS_HELP,
  runExports,
  toReadable
};

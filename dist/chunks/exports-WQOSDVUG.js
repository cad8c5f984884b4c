import { createRequire as __syncstageCreateRequire } from 'node:module'; const require = __syncstageCreateRequire(import.meta.url);
import {
  EXPORTS_HELP,
  runExports,
  toReadable
} from "./chunk-OKKKDVSC.js";
import "./chunk-DGPF7P7U.js";
import "./chunk-X5MYMARK.js";
import "./chunk-6YQXZN6Z.js";
import "./chunk-HAD537CC.js";
import "./chunk-62GPRCDO.js";
import "./chunk-GGI5VKWD.js";
import "./chunk-TJQ7GH6D.js";
export {
  EXPORTS_HELP,
  runExports,
  toReadable
};

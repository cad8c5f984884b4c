import { createRequire as __syncstageCreateRequire } from 'node:module'; const require = __syncstageCreateRequire(import.meta.url);
import {
  EXPORTS_HELP,
  runExports,
  toReadable
} from "./chunk-IA6D2YFW.js";
import "./chunk-XJ5OX7NT.js";
import "./chunk-ZHGZFGUH.js";
import "./chunk-HAD537CC.js";
import "./chunk-GYPWFJQK.js";
import "./chunk-GGI5VKWD.js";
import "./chunk-TJQ7GH6D.js";
export {
  EXPORTS_HELP,
  runExports,
  toReadable
};

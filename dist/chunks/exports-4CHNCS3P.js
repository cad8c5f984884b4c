import { createRequire as __syncstageCreateRequire } from 'node:module'; const require = __syncstageCreateRequire(import.meta.url);
import {
  EXPORTS_HELP,
  runExports,
  toReadable
} from "./chunk-AO3OR55I.js";
import "./chunk-FECPYAXL.js";
import "./chunk-Z5ZDRVDU.js";
import "./chunk-AIL4PTWS.js";
import "./chunk-HAD537CC.js";
import "./chunk-XCLSEC2M.js";
import "./chunk-GGI5VKWD.js";
import "./chunk-TJQ7GH6D.js";
export {
  EXPORTS_HELP,
  runExports,
  toReadable
};

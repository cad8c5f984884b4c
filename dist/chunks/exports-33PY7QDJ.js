import { createRequire as __syncstageCreateRequire } from 'node:module'; const require = __syncstageCreateRequire(import.meta.url);
import {
  EXPORTS_HELP,
  failReasons,
  runExports,
  toReadable
} from "./chunk-OZNQXRPE.js";
import "./chunk-RSK4XDX6.js";
import "./chunk-FHJQM7GU.js";
import "./chunk-AHY7V7OR.js";
import "./chunk-BBM6FSNZ.js";
import "./chunk-SRXYHMOI.js";
import "./chunk-GGI5VKWD.js";
import "./chunk-TJQ7GH6D.js";
export {
  EXPORTS_HELP,
  failReasons,
  runExports,
  toReadable
};

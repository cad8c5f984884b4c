import { createRequire as __syncstageCreateRequire } from 'node:module'; const require = __syncstageCreateRequire(import.meta.url);

// src/exports/types.ts
var EXPORTS_SCHEMA_VERSION = 1;
var DELTA_OPERATIONS = ["add", "update", "replace", "delete", "delete-add", "none"];
var DEFAULT_DELETION_THRESHOLD = 500;
var DEFAULT_SENSITIVE_ATTRIBUTES = [
  "sourceAnchor",
  "userPrincipalName",
  "onPremisesImmutableId",
  "cloudAnchor",
  "accountEnabled",
  "cloudFiltered",
  "proxyAddresses"
];
var ENTRA_CONNECTOR_ID = "{B891884F-051E-4A83-95AF-2544101C9083}";

export {
  EXPORTS_SCHEMA_VERSION,
  DELTA_OPERATIONS,
  DEFAULT_DELETION_THRESHOLD,
  DEFAULT_SENSITIVE_ATTRIBUTES,
  ENTRA_CONNECTOR_ID
};

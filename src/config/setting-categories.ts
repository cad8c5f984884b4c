/** Which drift category a global MV.xml parameter belongs to: ranked by what breaks a failover first. */
import type { DriftCategory } from './types.js';

const IDENTITY = new Set([
  'Microsoft.SynchronizationOption.AnchorAttribute',
  'Microsoft.SynchronizationOption.UPNAttribute',
  'Microsoft.SynchronizationOption.JoinCriteria',
]);

/** Optional features and their settings (writeback targets, directory extensions, group filtering, AAD filter). */
const FEATURE_PREFIX = /^Microsoft\.(OptionalFeature|GroupWriteBack|UserWriteBack|DeviceWriteBack|DirectoryExtension|AADFilter)\./;

/** Features-namespace parameters that describe the server, not a feature. */
const NOT_FEATURES = new Set(['Microsoft.OptionalFeature.AutoUpgradeState']);

export function settingCategory(name: string): DriftCategory {
  if (IDENTITY.has(name)) return 'identity';
  if (FEATURE_PREFIX.test(name) && !NOT_FEATURES.has(name)) return 'features';
  return 'settings';
}

export const PASSWORD_HASH_SYNC_PARAMETER = 'Microsoft.OptionalFeature.PasswordHashSync';

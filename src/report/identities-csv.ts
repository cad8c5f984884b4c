/**
 * csanalyzer.ps1's `processedbatch[n].csv`: Export-Csv -NoTypeInformation output (header, every field quoted),
 * with its defects fixed (primary SMTP by the upper-case prefix, sAMAccountName and mail filled, deletes identified
 * from the synchronized-hologram).
 */
import type { ObjectIdentity } from '../exports/types.js';
import { csvLine } from './csv.js';

export const IDENTITY_CSV_COLUMNS = ['ID', 'Type', 'DN', 'operation', 'UPN', 'displayName', 'sourceAnchor', 'alias', 'primarySMTP', 'onPremisesSamAccountName', 'mail'] as const;

export function identitiesCsvHeader(): string {
  return csvLine(IDENTITY_CSV_COLUMNS);
}

export function identityCsvRow(identity: ObjectIdentity): string {
  return csvLine([
    identity.id,
    identity.objectType,
    identity.dn,
    identity.operation,
    identity.upn ?? '',
    identity.displayName ?? '',
    identity.sourceAnchor ?? '',
    identity.alias ?? '',
    identity.primarySmtp ?? '',
    identity.onPremisesSamAccountName ?? '',
    identity.mail ?? '',
  ]);
}

/** `processedbatch1.csv`, `processedbatch2.csv`, ... (n from 1). */
export function batchFileName(batch: number): string {
  return `processedbatch${batch}.csv`;
}

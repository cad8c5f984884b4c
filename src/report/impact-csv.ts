/**
 * The switch impact as rows, one per paired export (what compare-AADCExports.ps1 prints as ActiveOnlyExport /
 * StagingOnlyExport lines, with the classes of docs/switch-impact.md). RFC 4180 (CRLF, quoted), formulas
 * neutralised (csv.ts).
 */
import type { ImpactClassName, ImpactObject } from '../impact/types.js';
import { csvLine } from './csv.js';
import { describeExport } from './impact-text.js';

/** New columns go at the end: spreadsheets and scripts read the older ones by position. */
export const IMPACT_CSV_COLUMNS = ['Class', 'Connector', 'ObjectType', 'DN', 'DisplayName', 'UPN', 'StagingOperation', 'ActiveOperation', 'StagingExport', 'ActiveExport', 'SinceBase', 'NotComparedBecause'] as const;

const CRLF = '\r\n';
/** Changes written per export cell. */
const CSV_CHANGES = 50;

export function impactCsvHeader(): string {
  return csvLine(IMPACT_CSV_COLUMNS, CRLF);
}

export function impactCsvRow(className: ImpactClassName, object: ImpactObject): string {
  const active = className === 'same' ? object.staging : object.active;
  return csvLine(
    [
      className,
      object.connector,
      object.objectType,
      object.dn,
      object.displayName ?? '',
      object.upn ?? '',
      object.staging?.operation ?? '',
      active?.operation ?? '',
      object.staging ? describeExport(object.staging, CSV_CHANGES) : '',
      active ? describeExport(active, CSV_CHANGES) : '',
      object.persistent === undefined ? '' : object.persistent ? 'persistent' : 'new',
      // Why a pair is `different` without its values having been compared (e.g. a value over the size cap).
      object.uncomparable ?? '',
    ],
    CRLF,
  );
}

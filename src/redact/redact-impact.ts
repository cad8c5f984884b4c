/**
 * Redaction of the switch impact (redact.ts): DNs keep OU/DC, names and every attribute value become keyed
 * hashes (values of any attribute may be personal: a department, a phone number), attribute names stay.
 */
import type { ImpactChange, ImpactClass, ImpactObject, NewSinceBase, ServerExport, SwitchImpactReport } from '../impact/types.js';
import type { Redactor } from './redact.js';

function redactChange(change: ImpactChange, redactor: Redactor): ImpactChange {
  const hash = (values: string[] | undefined) => values?.map((value) => redactor.value(value));
  const out: ImpactChange = { ...change };
  for (const field of ['old', 'new', 'added', 'removed'] as const) {
    const values = hash(change[field]);
    if (values) out[field] = values;
  }
  return out;
}

function redactExport(value: ServerExport | undefined, redactor: Redactor): ServerExport | undefined {
  if (!value) return undefined;
  const out: ServerExport = { ...value, changes: value.changes.map((change) => redactChange(change, redactor)) };
  if (value.newDn !== undefined) out.newDn = redactor.dn(value.newDn);
  return out;
}

export function redactImpactObject(object: ImpactObject, redactor: Redactor): ImpactObject {
  const out: ImpactObject = { ...object, dn: redactor.dn(object.dn) };
  if (object.displayName !== undefined) out.displayName = redactor.value(object.displayName);
  if (object.upn !== undefined) out.upn = redactor.value(object.upn);
  const staging = redactExport(object.staging, redactor);
  const active = redactExport(object.active, redactor);
  if (staging) out.staging = staging;
  if (active) out.active = active;
  return out;
}

function redactClass<T extends ImpactClass | NewSinceBase>(value: T, redactor: Redactor): T {
  return { ...value, objects: value.objects.map((object) => redactImpactObject(object, redactor)) };
}

export function redactImpactReport(report: SwitchImpactReport, redactor: Redactor): SwitchImpactReport {
  const impact = report.switchImpact;
  const out: SwitchImpactReport = {
    ...report,
    switchImpact: {
      ...impact,
      stagingOnly: redactClass(impact.stagingOnly, redactor),
      same: redactClass(impact.same, redactor),
      different: redactClass(impact.different, redactor),
      activeOnly: redactClass(impact.activeOnly, redactor),
    },
  };
  if (report.newSinceBase) out.newSinceBase = { active: redactClass(report.newSinceBase.active, redactor), staging: redactClass(report.newSinceBase.staging, redactor) };
  return out;
}

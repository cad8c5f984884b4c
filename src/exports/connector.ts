/**
 * Which connector a pending-export file belongs to, and whether it is the Entra ID one (the accidental-delete
 * threshold applies only to its exports). Told, strongest first, from what names it (--entra, the server
 * configuration, a name given by --connector or snapshot.json), then from the file's own content (connector-space
 * DNs `CN={hex}`, `ma-name`), then from the file name. Content that shows both kinds, or that contradicts what
 * names the file, is an error: a threshold judged on a guessed kind could pass silently.
 */
import type { CsObjectRecord } from './parse.js';
import type { ConnectorKind, ConnectorKindJudgement, ConnectorNaming, ConnectorRef } from './types.js';

/**
 * What the report says when nothing tells the kind (the threshold is applied all the same), with the advice that fits
 * the run: `syncstage exports` has --connector; verify, the gate, the Action and the App read snapshot.json only.
 */
export const UNKNOWN_KIND_NOTES: Record<ConnectorNaming, string> = {
  'option-or-manifest': 'connector kind unknown: judged as Entra ID for the threshold; name it with --connector or in snapshot.json',
  manifest: 'connector kind unknown: judged as Entra ID for the threshold; name its connector in snapshot.json\'s "exports" map (the file in that snapshot\'s exports/ folder)',
};

/** Whether a connector name is an Entra ID connector's ("contoso.onmicrosoft.com - AAD"). */
export function isEntraConnectorName(name: string): boolean {
  return / - AAD$/i.test(name.trim()) || /onmicrosoft\.com/i.test(name) || /\bAAD\b/.test(name);
}

/** The Entra ID connector's connector-space DN: `CN={<hex of the sourceAnchor>}` (docs/formats.md §1). */
export function isEntraConnectorDn(dn: string): boolean {
  return /^CN=\{[0-9A-F]+\}$/i.test(dn.trim());
}

/** The kind one DN shows; undefined for an empty DN (it shows nothing). */
export function kindOfDn(dn: string): 'entra' | 'other' | undefined {
  if (dn.trim() === '') return undefined;
  return isEntraConnectorDn(dn) ? 'entra' : 'other';
}

const KIND_WORDS: Record<'entra' | 'other', string> = { entra: 'the Entra ID connector', other: 'a connector other than Entra ID' };

function declaredBy(ref: ConnectorRef): string {
  const source = ref.declaredKind?.source;
  if (source === 'option') return '--entra';
  if (source === 'configuration') return `the server configuration (connector "${ref.connector}")`;
  return ref.connectorSource === 'manifest' ? `snapshot.json (connector "${ref.connector}")` : `--connector "${ref.connector}"`;
}

/** The kind the file is declared to be, before its content is read; undefined when nothing declares one. */
export function declaredKind(ref: ConnectorRef): { kind: 'entra' | 'other'; source: ConnectorKindJudgement['source'] } | undefined {
  if (ref.declaredKind) return ref.declaredKind;
  const named = ref.connectorSource ?? 'option';
  if (named !== 'file-name' && isEntraConnectorName(ref.connector)) return { kind: 'entra', source: named };
  return undefined;
}

/**
 * Watches each cs-object of one file and says, at the first object that makes it so, why the file's kind cannot
 * be trusted. `finish` gives the kind and where it was told from.
 */
export class ConnectorKindTracker {
  private readonly declared: ReturnType<typeof declaredKind>;
  private content: { kind: 'entra' | 'other'; shows: string } | undefined;

  constructor(private readonly ref: ConnectorRef) {
    this.declared = declaredKind(ref);
  }

  /**
   * The reason the file cannot be judged, or undefined when this object is consistent with what came before.
   * Reasons name no DN value: an AD DN holds people's names, and errors are shown even when reports are redacted.
   */
  observe(record: CsObjectRecord): string | undefined {
    const named = this.ref.connectorSource ?? 'option';
    if (record.maName !== undefined && record.maName !== '') {
      if (named !== 'file-name' && record.maName.trim().toLowerCase() !== this.ref.connector.trim().toLowerCase()) {
        const by = named === 'manifest' ? 'snapshot.json' : '--connector';
        return `the object's ma-name "${record.maName}" differs from the connector name "${this.ref.connector}" given by ${by}: name the right connector for this file`;
      }
      if (isEntraConnectorName(record.maName)) {
        const reason = this.see('entra', `ma-name "${record.maName}" names an Entra ID connector`);
        if (reason) return reason;
      }
    }
    for (const dn of [record.csDn, record.pending?.dn ?? '']) {
      const kind = kindOfDn(dn);
      if (!kind) continue;
      const reason = this.see(kind, kind === 'entra' ? "DN has the Entra ID connector's form CN={hex}" : "DN is not of the Entra ID connector's form CN={hex}");
      if (reason) return reason;
    }
    return undefined;
  }

  private see(kind: 'entra' | 'other', shows: string): string | undefined {
    if (this.content && this.content.kind !== kind) {
      return `this file mixes two connectors: an earlier object's ${this.content.shows}, but this object's ${shows}; export one connector per file (csexport "<connector>" <file> /f:x)`;
    }
    if (this.declared && this.declared.kind !== kind) {
      return `${declaredBy(this.ref)} says ${KIND_WORDS[this.declared.kind]}, but this object's ${shows}: name the right connector for this file`;
    }
    this.content ??= { kind, shows };
    return undefined;
  }

  finish(naming: ConnectorNaming = 'option-or-manifest'): ConnectorKindJudgement {
    if (this.declared) return { kind: this.declared.kind, source: this.declared.source };
    if (this.content) return { kind: this.content.kind, source: 'content' };
    if (isEntraConnectorName(this.ref.connector)) return { kind: 'entra', source: 'file-name' };
    return { kind: 'unknown', source: 'none', note: UNKNOWN_KIND_NOTES[naming] };
  }
}

/** Whether the threshold (and the delete-add risk) applies: the Entra ID connector, or one whose kind is unknown. */
export function judgedAsEntra(kind: ConnectorKind): boolean {
  return kind !== 'other';
}

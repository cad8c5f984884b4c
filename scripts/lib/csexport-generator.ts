/**
 * A deterministic generator of synthetic `csexport /f:x` files (docs/formats.md §1), streaming (any size), with the
 * counts a correct parser must find. Covers every element the parser reads: all delta operations, attr and
 * dn-attr, multi-valued value adds/removes, base64 and hex-integer values, renames (newdn), export errors in both
 * forms, holograms, escrowed/unconfirmed exports, oversized values and hostile display names.
 * Used by `npm run generate`, the property tests and the benchmark.
 */
import type { DeltaOperation } from '../../src/exports/types.js';

export interface GeneratorOptions {
  objects: number;
  seed?: number;
  /** Connector kind: the Entra ID connector names objects CN={hex} (default); an AD connector CN=...,DC=... */
  connector?: 'entra' | 'ad';
  /** Every n-th object gets a value longer than oversizedLength (0: never). */
  oversizedEvery?: number;
  oversizedLength?: number;
  /** Approximate chunk size of the yielded strings (characters). */
  chunkSize?: number;
}

export interface GeneratedCounts {
  objects: number;
  operations: Partial<Record<DeltaOperation, number>>;
  objectTypes: Record<string, Partial<Record<DeltaOperation, number>>>;
  attributes: Record<string, number>;
  multiValued: Record<string, { added: number; removed: number }>;
  renames: number;
  errors: Record<string, number>;
  deletes: number;
  /** delete + delete-add (the accidental-delete threshold on the Entra ID connector). */
  thresholdDeletes: number;
  otherExports: { escrowed: number; unconfirmed: number };
  oversizedValues: number;
  /** cs-object elements written (including those without a pending export). */
  csObjects: number;
  /** Risky changes a correct analysis reports (Entra ID connector). */
  risky: { anchorFlips: number; upnChanges: number; deleteAdds: number; proxyRemovals: number };
}

export function emptyCounts(): GeneratedCounts {
  return { objects: 0, operations: {}, objectTypes: {}, attributes: {}, multiValued: {}, renames: 0, errors: {}, deletes: 0, thresholdDeletes: 0, otherExports: { escrowed: 0, unconfirmed: 0 }, oversizedValues: 0, csObjects: 0, risky: { anchorFlips: 0, upnChanges: 0, deleteAdds: 0, proxyRemovals: 0 } };
}

/** mulberry32: small, fast, and the same everywhere. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const xml = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const hex = (text: string) => Buffer.from(text, 'utf8').toString('hex').toUpperCase();

const FIRST = ['Adele', 'Alex', 'Megan', 'Diego', 'Grady', 'Lee', 'Isaiah', 'Johanna', 'Lidia', 'Nestor', 'Patti', 'Pradeep', 'Miriam', 'Lynne'];
const LAST = ['Vance', 'Wilber', 'Bowen', 'Siciliani', 'Archie', 'Gu', 'Langer', 'Lorenz', 'Holloway', 'Wilke', 'Fernandez', 'Gupta', 'Graham', 'Robbins'];
const HOSTILE = ['| @octocat <b>x</b> #12', 'Ops `rm -rf` | team', '=HYPERLINK("http://evil")', '@here\r\nsecond line', '<img src=x onerror=alert(1)> & co', '[link](javascript:alert(1))'];
const ERRORS = ['AttributeValueMustBeUnique', 'InvalidSoftMatch', 'LargeObject', 'ObjectTypeMismatch'];
const TYPES = ['user', 'user', 'user', 'user', 'group', 'contact', 'device'];

type Kind = DeltaOperation | 'escrowed-only' | 'unconfirmed-only';
const KINDS: [Kind, number][] = [
  ['add', 18], ['update', 40], ['replace', 10], ['delete', 10], ['delete-add', 4], ['none', 4], ['escrowed-only', 7], ['unconfirmed-only', 7],
];
const TOTAL_WEIGHT = KINDS.reduce((n, [, w]) => n + w, 0);

const attr = (name: string, values: string[], extra = '', valueAttrs: string[] = []) =>
  `<attr name="${name}" type="string" multivalued="${values.length > 1 || name === 'proxyAddresses' ? 'true' : 'false'}"${extra}>${values
    .map((v, i) => `<value${valueAttrs[i] ?? ''}>${xml(v)}</value>`)
    .join('')}</attr>`;

export function* generateCsExport(options: GeneratorOptions, counts: GeneratedCounts = emptyCounts()): Generator<string, GeneratedCounts> {
  const rnd = random(options.seed ?? 1);
  const dnOf = (anchor: string) => (options.connector === 'ad' ? `CN=${anchor},OU=Sync,DC=contoso,DC=com` : `CN={${hex(anchor)}}`);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const chunkSize = options.chunkSize ?? 64 * 1024;
  const oversizedLength = options.oversizedLength ?? 70 * 1024;
  let out = '<?xml version="1.0" encoding="utf-8"?>\r\n<cs-objects>\r\n';
  const changed = (names: Iterable<string>) => {
    for (const name of names) counts.attributes[name] = (counts.attributes[name] ?? 0) + 1;
  };
  const multi = (name: string, added: number, removed: number) => {
    const m = (counts.multiValued[name] ??= { added: 0, removed: 0 });
    m.added += added;
    m.removed += removed;
  };

  // A user deleted and added again with the same UPN (a sourceAnchor flip) follows every 5th user delete.
  let flip: { upn: string; display: string } | undefined;
  for (let i = 1; i <= options.objects; i++) {
    counts.csObjects += 1;
    let roll = rnd() * TOTAL_WEIGHT;
    let kind: Kind = 'update';
    for (const [k, w] of KINDS) {
      if ((roll -= w) < 0) {
        kind = k;
        break;
      }
    }
    let type = pick(TYPES);
    const forced = flip;
    flip = undefined;
    if (forced) {
      kind = 'add';
      type = 'user';
      counts.risky.anchorFlips += 1;
    }
    const n = i.toString(16).padStart(8, '0');
    const id = `{${n.toUpperCase()}-0000-4000-8000-${n.padStart(12, '0').toUpperCase()}}`;
    const anchor = `${type[0]?.toUpperCase()}${i}`;
    const dn = dnOf(anchor);
    const first = pick(FIRST);
    const last = pick(LAST);
    const display = forced ? forced.display : i % 17 === 0 ? pick(HOSTILE) : `${first} ${last}`;
    const upn = forced?.upn ?? `${first.toLowerCase()}.${last.toLowerCase()}${i}@contoso.com`;
    const oversized = options.oversizedEvery ? i % options.oversizedEvery === 0 : false;
    const identity = [attr('displayName', [display]), attr('sourceAnchor', [anchor]), ...(type === 'user' ? [attr('userPrincipalName', [upn]), attr('proxyAddresses', [`SMTP:${upn}`, `smtp:${first.toLowerCase()}${i}@contoso.onmicrosoft.com`])] : [])];
    let body = '';
    const operation = kind === 'escrowed-only' || kind === 'unconfirmed-only' ? undefined : kind;
    if (operation && operation !== 'none') {
      counts.objects += 1;
      counts.operations[operation] = (counts.operations[operation] ?? 0) + 1;
      const byType = (counts.objectTypes[type] ??= {});
      byType[operation] = (byType[operation] ?? 0) + 1;
    }
    let synchronized = '';
    let deltaBody = '';
    let newdn = '';
    switch (operation) {
      case 'add':
      case 'delete-add': {
        const names = ['displayName', 'sourceAnchor', 'accountEnabled'];
        deltaBody += `<primary-objectclass>${type}</primary-objectclass>`;
        deltaBody += attr('displayName', [display]) + attr('sourceAnchor', [anchor]);
        deltaBody += `<attr name="accountEnabled" type="boolean" multivalued="false"><value>true</value></attr>`;
        deltaBody += `<attr name="msExchRecipientTypeDetails" type="integer" multivalued="false"><value>0x${Math.floor(rnd() * 0xffff).toString(16)}</value></attr>`;
        deltaBody += `<attr name="msExchMailboxGuid" type="binary" multivalued="false"><value encoding="base64">${Buffer.from(id).toString('base64')}</value></attr>`;
        names.push('msExchRecipientTypeDetails', 'msExchMailboxGuid');
        if (type === 'group') {
          const members = 1 + Math.floor(rnd() * 5);
          deltaBody += `<dn-attr name="member" multivalued="true">${Array.from({ length: members }, (_, m) => `<dn-value><dn>${dnOf(`U${m + 1}`)}</dn><anchor encoding="base64">${Buffer.from(`U${m + 1}`).toString('base64')}</anchor></dn-value>`).join('')}</dn-attr>`;
          names.push('member');
          multi('member', members, 0);
        }
        if (oversized) {
          deltaBody += attr('description', ['x'.repeat(oversizedLength)]);
          names.push('description');
          counts.oversizedValues += 1;
        }
        changed(names);
        break;
      }
      case 'update': {
        const names: string[] = [];
        if (rnd() < 0.5) {
          deltaBody += `<attr name="department" type="string" multivalued="false" operation="replace"><value>${xml(i % 13 === 0 ? 'R&D <Labs>\r\nfloor 2' : `Dept ${i % 7}`)}</value></attr>`;
          names.push('department');
        }
        if (type === 'user') {
          const adds = Math.floor(rnd() * 3);
          const removes = Math.floor(rnd() * 2);
          if (adds + removes > 0) {
            const ops = [...Array(adds).fill(' operation="add"'), ...Array(removes).fill(' operation="delete"')];
            deltaBody += attr('proxyAddresses', ops.map((_, k) => `smtp:alias${k}.${i}@contoso.com`), ' operation="update"', ops);
            names.push('proxyAddresses');
            multi('proxyAddresses', adds, removes);
            if (removes > 0) counts.risky.proxyRemovals += 1;
          }
          if (i % 9 === 0) {
            // A UPN change: a sensitive attribute, "before" from the synchronized hologram.
            deltaBody += attr('userPrincipalName', [`renamed${i}@fabrikam.com`], ' operation="replace"');
            synchronized = attr('userPrincipalName', [upn]);
            names.push('userPrincipalName');
            counts.risky.upnChanges += 1;
          }
          if (rnd() < 0.2) {
            deltaBody += `<dn-attr name="manager" multivalued="false" operation="replace"><dn-value><dn>${dnOf(`U${i - 1}`)}</dn></dn-value></dn-attr>`;
            names.push('manager');
          }
        }
        if (type === 'group') {
          const adds = Math.floor(rnd() * 4);
          const removes = 1 + Math.floor(rnd() * 2);
          const values = [...Array(adds).fill('add'), ...Array(removes).fill('delete')];
          deltaBody += `<dn-attr name="member" multivalued="true" operation="update">${values.map((op, k) => `<dn-value operation="${op}"><dn>${dnOf(`M${k}`)}</dn></dn-value>`).join('')}</dn-attr>`;
          names.push('member');
          multi('member', adds, removes);
        }
        if (names.length === 0 || rnd() < 0.3) {
          deltaBody += attr('telephoneNumber', [`+1 555 ${String(i % 10000).padStart(4, '0')}`], ' operation="replace"');
          names.push('telephoneNumber');
        }
        if (oversized) {
          deltaBody += attr('info', ['y'.repeat(oversizedLength)], ' operation="replace"');
          names.push('info');
          counts.oversizedValues += 1;
        }
        if (rnd() < 0.08) {
          newdn = ` newdn="${dnOf(`${anchor}R`)}"`;
          counts.renames += 1;
        }
        changed(names);
        break;
      }
      case 'replace': {
        // Listed: displayName (unchanged), title (changed half the time), telephoneNumber (changed).
        const titleChanges = rnd() < 0.5;
        deltaBody += attr('displayName', [display]) + attr('title', [titleChanges ? 'Director' : 'Manager']) + attr('telephoneNumber', [`+1 555 ${i}`]);
        synchronized = attr('displayName', [display]) + attr('title', ['Manager']) + attr('telephoneNumber', [`+1 555 0000`]);
        changed(titleChanges ? ['title', 'telephoneNumber'] : ['telephoneNumber']);
        break;
      }
      case 'delete':
        synchronized = identity.join('');
        counts.deletes += 1;
        if (type === 'user' && counts.deletes % 5 === 0) flip = { upn, display };
        break;
      default:
        break;
    }
    if (operation === 'delete' || operation === 'delete-add') counts.thresholdDeletes += 1;
    if (operation === 'delete-add') counts.risky.deleteAdds += 1;
    if (operation) {
      body += operation === 'delete' ? `<unapplied-export><delta operation="delete" dn="${dn}"/></unapplied-export>` : `<unapplied-export><delta operation="${operation}" dn="${dn}"${newdn}>${deltaBody}</delta></unapplied-export>`;
    }
    if (kind === 'escrowed-only' || (operation === 'update' && i % 11 === 0)) {
      body += `<escrowed-export><delta operation="update" dn="${dn}">${attr('department', ['Legal'], ' operation="replace"')}</delta></escrowed-export>`;
      body += `<escrowed-export-hologram><entry dn="${dn}">${identity.join('')}</entry></escrowed-export-hologram>`;
      counts.otherExports.escrowed += 1;
    }
    if (kind === 'unconfirmed-only') {
      body += `<unconfirmed-export><delta operation="update" dn="${dn}">${attr('department', ['Legal'], ' operation="replace"')}</delta></unconfirmed-export>`;
      counts.otherExports.unconfirmed += 1;
    }
    if (synchronized) body += `<synchronized-hologram><entry dn="${dn}"><anchor encoding="base64">${Buffer.from(anchor).toString('base64')}</anchor>${synchronized}</entry></synchronized-hologram>`;
    if (operation && operation !== 'delete') {
      body += `<unapplied-export-hologram><entry dn="${dn}"><primary-objectclass>${type}</primary-objectclass><objectclass><oc-value>${type}</oc-value></objectclass>${identity.join('')}</entry></unapplied-export-hologram>`;
    }
    if (i % 23 === 0) {
      const name = pick(ERRORS);
      counts.errors[name] = (counts.errors[name] ?? 0) + 1;
      body += i % 2 === 0
        ? `<export-errordetail first-occurred="2026-11-18 08:00:00.000" date-occurred="2026-11-20 08:00:00.000" retry-count="${i % 5}" error-type="cd-error"><export-status><cd-error><error-code>0x8023134a</error-code><error-literal>${name}</error-literal><error-name>${name}</error-name><extra-error-details>${xml(`${display} conflicts`)}</extra-error-details></cd-error></export-status></export-errordetail>`
        : `<export-errordetail first-occurred="2026-11-18 08:00:00.000" retry-count="1" error-type="cd-error"><export-error><cd-error><error-name>${name}</error-name><server-error-detail>detail ${i}</server-error-detail></cd-error></export-error></export-errordetail>`;
    }
    const objectType = i % 29 === 0 ? ' transient="0"' : '';
    out += `<cs-object cs-dn="${dn}" id="${id}" object-type="${type}"${objectType}>\r\n${body}<connector>1</connector><connector-state>normal</connector-state><mv-link>{${n}}</mv-link><export-delta-operation>${operation === 'update' || operation === 'replace' ? 'modify' : (operation ?? 'none')}</export-delta-operation></cs-object>\r\n`;
    if (out.length >= chunkSize) {
      yield out;
      out = '';
    }
  }
  yield `${out}</cs-objects>\r\n`;
  return counts;
}

/** The whole file as one string (tests). */
export function generateCsExportString(options: GeneratorOptions): { xml: string; counts: GeneratedCounts } {
  const counts = emptyCounts();
  let text = '';
  for (const chunk of generateCsExport(options, counts)) text += chunk;
  return { xml: text, counts };
}

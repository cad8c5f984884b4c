/**
 * Generates a big, deterministic pair of Get-ADSyncServerConfiguration folders for the drift benchmark:
 * N connectors (N-1 AD forests, each with Contoso's full 1.8 MB DSML schema, and the Entra ID connector; default 16)
 * and M sync rules (Contoso's out-of-box rules per forest plus custom rules; default 500). The staging side is the
 * same configuration as another server exports it (other GUIDs, timestamps, cookies, last DC, server name, connector
 * name case), in staging mode, with three deliberate drifts.
 *
 *   npm run generate:config -- [--connectors N] [--rules M] [--out DIR]     (--help for the details)
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const FIXTURE = 'test/fixtures/contoso-server-config';
const ENTRA = 'b891884f-051e-4a83-95af-2544101c9083';
const CONTOSO_AD = 'ae4db4cc-b16b-4eb2-acf5-837ca84e4d7d';
export const DEFAULT_CONNECTORS = 16;
export const DEFAULT_RULES = 500;

export interface PairShape {
  /** Connectors per side: the Entra ID connector and connectors - 1 AD forests (at least 4, for the drifts). */
  connectors: number;
  /** Sync rules per side: at least Contoso's out-of-box rules for every forest, plus 7 custom ones. */
  rules: number;
}

/** A GUID from a name and a seed: the same input gives the same GUID on every run. */
function guid(seed: string, name: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  const text = `${seed}:${name}`;
  for (let i = 0; i < text.length; i++) {
    h1 = Math.imul(h1 ^ text.charCodeAt(i), 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ text.charCodeAt(i), 0x85ebca6b) >>> 0;
  }
  const hex = (h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0')).repeat(2);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

interface Side {
  seed: string;
  server: string;
  staging: boolean;
  forests: number;
  rules: number;
}

function write(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/** Replaces every GUID but the Entra connector's and the all-zero one with one derived from the side's seed. */
function regenerateGuids(text: string, side: Side, scope: string, keep = ''): string {
  return text.replace(/\{([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}/g, (match, id: string) => {
    const key = id.toLowerCase();
    if (key === ENTRA || key === keep || key.startsWith('00000000')) return match;
    const fresh = guid(side.seed, `${scope}:${key}`);
    return `{${id === id.toUpperCase() ? fresh.toUpperCase() : fresh}}`;
  });
}

function generateSide(out: string, side: Side): void {
  rmSync(out, { recursive: true, force: true });
  const connectors = readdirSync(path.join(FIXTURE, 'Connectors'));
  const adTemplate = readFileSync(path.join(FIXTURE, 'Connectors', connectors.find((n) => n.includes(CONTOSO_AD)) as string), 'utf8');
  const entraTemplate = readFileSync(path.join(FIXTURE, 'Connectors', connectors.find((n) => n.includes(ENTRA)) as string), 'utf8');
  const perServer = (text: string) =>
    text
      .replace(/(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}\.\d{3})/g, side.staging ? '2026-11-20 09:15:42.123' : '$1 $2')
      .replace(/CONTOSO-DC01/g, side.staging ? 'DC07' : 'DC01')
      .replace(/<cookie>[^<]*<\/cookie>/g, `<cookie>${side.seed}</cookie>`);

  const adIds: string[] = [];
  for (let forest = 1; forest <= side.forests; forest++) {
    const id = guid(side.seed, `connector:${forest}`);
    adIds.push(id);
    const name = `forest${forest}.contoso.com`;
    let text = adTemplate
      .replace(/\{AE4DB4CC-B16B-4EB2-ACF5-837CA84E4D7D\}/gi, `{${id.toUpperCase()}}`)
      .replaceAll('<name>contoso.com</name>', `<name>${side.staging && forest % 2 === 0 ? name.toUpperCase() : name}</name>`)
      .replaceAll('DC=contoso,DC=com', `DC=forest${forest},DC=contoso,DC=com`);
    text = perServer(regenerateGuids(text, side, `forest${forest}`, id));
    // Drift 1: a container exclusion on the staging server only.
    if (side.staging && forest === 3) text = text.replace('</exclusions>', '<exclusion>OU=Quarantine,DC=forest3,DC=contoso,DC=com</exclusion></exclusions>');
    write(path.join(out, 'Connectors', `Connector_{${id}}.xml`), text);
  }
  write(path.join(out, 'Connectors', `Connector_{${ENTRA}}.xml`), perServer(regenerateGuids(entraTemplate, side, 'entra')));

  let mv = readFileSync(path.join(FIXTURE, 'GlobalSettings', 'MV.xml'), 'utf8').replace("server='CONTOSO-SYNC01'", `server='${side.server}'`);
  if (side.staging) mv = mv.replace(/(StagingMode"[^>]*>)False/, '$1True').replace(/(NextStartTime"[^>]*>)[^<]*/, '$1Tue, 24 Nov 2026 08:00:00 GMT');
  // Drift 2: password writeback on the staging server only.
  if (side.staging) mv = mv.replace(/(PasswordWriteback"[^>]*>)False/, '$1True');
  write(path.join(out, 'GlobalSettings', 'MV.xml'), mv);

  const ruleFiles = readdirSync(path.join(FIXTURE, 'SynchronizationRules')).map((n) => readFileSync(path.join(FIXTURE, 'SynchronizationRules', n), 'utf8'));
  const entraRules = ruleFiles.filter((t) => t.toLowerCase().includes(`<connector>{${ENTRA}}</connector>`));
  const adRules = ruleFiles.filter((t) => t.toLowerCase().includes(`<connector>{${CONTOSO_AD}}</connector>`));
  let count = 0;
  const emit = (text: string, scope: string) => {
    const id = guid(side.seed, `rule:${scope}`);
    const body = text.replace(/<id>[^<]*<\/id>/, `<id>{${id}}</id>`).replace(/<internal-id>[^<]*<\/internal-id>/, `<internal-id>{${id}}</internal-id>`);
    write(path.join(out, 'SynchronizationRules', `SynchronizationRule_{${id}}.xml`), body);
    count++;
  };
  entraRules.forEach((text, i) => emit(text, `entra:${i}`));
  adIds.forEach((id, f) => adRules.forEach((text, i) => emit(text.replace(/<connector>[^<]*<\/connector>/, `<connector>{${id}}</connector>`), `ad:${f}:${i}`)));
  const customTemplate = adRules.find((t) => t.includes('<name>In from AD - User Common</name>')) as string;
  for (let n = 1; count < side.rules; n++) {
    const forest = ((n - 1) % side.forests) + 1;
    let text = customTemplate
      .replace(/<name>[^<]*<\/name>/, `<name>In from AD - Custom ${n}</name>`)
      .replace(/<immutable-tag>[^<]*<\/immutable-tag>/, '<immutable-tag />')
      .replace(/<precedence>\d+<\/precedence>/, `<precedence>${n}</precedence>`)
      .replace(/<connector>[^<]*<\/connector>/, `<connector>{${adIds[forest - 1]}}</connector>`);
    // Drift 3: one custom rule's scoping filter differs.
    if (side.staging && n === 7) text = text.replace('</synchronizationCriteria>', '<conditions><scope><csAttribute>employeeType</csAttribute><csOperator>EQUAL</csOperator><csValue>Employee</csValue></scope></conditions></synchronizationCriteria>').replace('<synchronizationCriteria />', '<synchronizationCriteria><conditions><scope><csAttribute>employeeType</csAttribute><csOperator>EQUAL</csOperator><csValue>Employee</csValue></scope></conditions></synchronizationCriteria>');
    emit(text, `custom:${n}`);
  }
}

/** The fewest rules a pair of `connectors` can have: the out-of-box rules of every forest and 7 custom ones. */
export function minimumRules(connectors: number): number {
  const names = readdirSync(path.join(FIXTURE, 'SynchronizationRules')).map((n) => readFileSync(path.join(FIXTURE, 'SynchronizationRules', n), 'utf8').toLowerCase());
  const entra = names.filter((t) => t.includes(`<connector>{${ENTRA}}</connector>`)).length;
  const ad = names.filter((t) => t.includes(`<connector>{${CONTOSO_AD}}</connector>`)).length;
  return entra + ad * (connectors - 1) + 7;
}

export function generateConfigPair(out: string, shape: PairShape = { connectors: DEFAULT_CONNECTORS, rules: DEFAULT_RULES }): { primary: string; staging: string } {
  if (!Number.isSafeInteger(shape.connectors) || shape.connectors < 4) throw new RangeError(`connectors must be a whole number >= 4 (the drifts need 3 forests), got ${shape.connectors}`);
  const fewest = minimumRules(shape.connectors);
  if (!Number.isSafeInteger(shape.rules) || shape.rules < fewest) throw new RangeError(`rules must be a whole number >= ${fewest} for ${shape.connectors} connectors, got ${shape.rules}`);
  const primary = path.join(out, 'primary');
  const staging = path.join(out, 'staging');
  const sized = { forests: shape.connectors - 1, rules: shape.rules };
  generateSide(primary, { seed: 'sync01', server: 'SYNC01', staging: false, ...sized });
  generateSide(staging, { seed: 'sync02', server: 'SYNC02', staging: true, ...sized });
  return { primary, staging };
}

const USAGE = `Usage: npm run generate:config -- [--connectors N] [--rules M] [--out DIR]

Writes a deterministic pair of Get-ADSyncServerConfiguration folders, DIR/primary and DIR/staging, for the drift
benchmark: the staging side is the same configuration as another server exports it, with three real drifts.
  --connectors N  connectors per side: the Entra ID connector and N-1 AD forests (default ${DEFAULT_CONNECTORS}, at least 4)
  --rules M       sync rules per side, out-of-box and custom (default ${DEFAULT_RULES})
  --out DIR       output folder, replaced (default .bench/config-pair)
  --help          print this help
`;

function cli(): void {
  const { values } = parseArgs({
    options: {
      connectors: { type: 'string', default: String(DEFAULT_CONNECTORS) },
      rules: { type: 'string', default: String(DEFAULT_RULES) },
      out: { type: 'string', default: '.bench/config-pair' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const whole = (text: string) => (/^\d+$/.test(text) ? Number(text) : Number.NaN);
  const shape = { connectors: whole(values.connectors), rules: whole(values.rules) };
  const pair = generateConfigPair(values.out, shape);
  process.stdout.write(`generated ${pair.primary} and ${pair.staging}: ${shape.connectors} connectors, ${shape.rules} rules each\n`);
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('generate-config.ts')) {
  try {
    cli();
  } catch (error) {
    if (!(error instanceof RangeError) && !(error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) throw error;
    process.stderr.write(`${error.message}\n\n${USAGE}`);
    process.exitCode = 2;
  }
}

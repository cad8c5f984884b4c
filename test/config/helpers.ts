/**
 * Drift variants of the Contoso export, built in a temporary copy: "the same configuration exported from
 * another server" and single real changes a person would name.
 */
import { randomUUID } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const CONTOSO = path.resolve('test/fixtures/contoso-server-config');
export const ENTRA_GUID = 'B891884F-051E-4A83-95AF-2544101C9083';
const AD_GUID = 'ae4db4cc-b16b-4eb2-acf5-837ca84e4d7d';

const created: string[] = [];

export async function copyContoso(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'syncstage-config-'));
  created.push(dir);
  await cp(CONTOSO, dir, { recursive: true });
  return dir;
}

export async function removeCopies(): Promise<void> {
  await Promise.all(created.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

async function allFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await allFiles(full)));
    else if (entry.name.endsWith('.xml')) out.push(full);
  }
  return out;
}

export async function editFile(file: string, edit: (text: string) => string): Promise<void> {
  const text = await readFile(file, 'utf8');
  const next = edit(text);
  if (next === text) throw new Error(`edit changed nothing in ${file}`);
  await writeFile(file, next);
}

/** The file of the rule with this name. */
export async function ruleFile(dir: string, name: string): Promise<string> {
  for (const file of await allFiles(path.join(dir, 'SynchronizationRules'))) {
    if ((await readFile(file, 'utf8')).includes(`<name>${name}</name>`)) return file;
  }
  throw new Error(`no rule named ${name}`);
}

export async function adConnectorFile(dir: string): Promise<string> {
  const files = await readdir(path.join(dir, 'Connectors'));
  const file = files.find((name) => !name.toUpperCase().includes(ENTRA_GUID));
  return path.join(dir, 'Connectors', file as string);
}

/**
 * The same configuration as another server exports it: new GUIDs everywhere (but the Entra connector's), other
 * timestamps, versions, cookies and watermarks, last DC, server name, export date, NextStartTime, service
 * accounts, the AD connector's name in other case, out-of-box precedences shuffled and immutable tags bumped.
 */
export async function reexportAsOtherServer(dir: string, options: { upgrade?: boolean } = {}): Promise<void> {
  const upgrade = options.upgrade ?? true;
  const guids = new Map<string, string>();
  const newGuid = (old: string) => {
    const key = old.toLowerCase();
    if (key === ENTRA_GUID.toLowerCase() || /^0{8}-/.test(key)) return old;
    if (!guids.has(key)) guids.set(key, randomUUID());
    const fresh = guids.get(key) as string;
    return old === old.toUpperCase() ? fresh.toUpperCase() : fresh;
  };
  let precedence = 300;
  for (const file of await allFiles(dir)) {
    let text = await readFile(file, 'utf8');
    text = text.replace(/\{([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}/g, (_m, guid: string) => `{${newGuid(guid)}}`);
    text = text.replace(/(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}\.\d{3})/g, '2026-11-20 09:15:42.123');
    text = text.replace(/<version>\d+<\/version>/g, '<version>9001</version>');
    text = text.replace(/<cookie>[^<]*<\/cookie>/g, '<cookie>T1RIRVJDT09LSUU=</cookie>').replace(/(name="cookie"[^>]*>)[^<]*/g, '$1T1RIRVJDT09LSUU=');
    text = text.replace(/<water-mark>[^<]*<\/water-mark>/g, '<water-mark>T1RIRVJXQVRFUk1BUks=</water-mark>');
    text = text.replace(/CONTOSO-DC01\.contoso\.com/g, 'CONTOSO-DC07.contoso.com');
    text = text.replace(/MSOL_d1edb676ca03/g, 'MSOL_0a1b2c3d4e5f').replace(/Sync_CONTOSO-SYNC01_e3c03195e061/g, 'Sync_CONTOSO-SYNC02_77aa88bb99cc');
    text = text.replace(/server='CONTOSO-SYNC01'/, "server='CONTOSO-SYNC02'").replace(/export-date='[^']*'/, "export-date='2026-11-24 07:20:00.000'");
    text = text.replace(/(NextStartTime"[^>]*>)[^<]*/, '$1Tue, 24 Nov 2026 08:00:00 GMT');
    text = text.replace('<name>contoso.com</name>', '<name>Contoso.COM</name>');
    if (upgrade && text.includes('<synchronizationRule>') && text.includes('<immutable-tag>Microsoft.')) {
      text = text.replace(/<precedence>\d+<\/precedence>/, () => `<precedence>${precedence--}</precedence>`);
      text = text.replace(/(<immutable-tag>Microsoft\.[^<]*\.)(\d+)(<\/immutable-tag>)/, (_m, a: string, n: string, b: string) => `${a}${String(Number(n) + 1).padStart(n.length, '0')}${b}`);
    }
    await writeFile(file, text);
    const base = path.basename(file);
    const renamed = base.replace(/\{([0-9a-fA-F-]{36})\}/, (_m, guid: string) => `{${newGuid(guid)}}`);
    if (renamed !== base) await rename(file, path.join(path.dirname(file), renamed));
  }
}

export interface CustomRuleOptions {
  name: string;
  connector?: 'ad' | 'entra';
  direction?: 'Inbound' | 'Outbound';
  precedence?: number;
  scope?: string;
  flows?: string;
  disabled?: boolean;
}

/** A custom rule (no immutable tag, precedence under 100), as the Synchronization Rules Editor writes it. */
export async function addCustomRule(dir: string, options: CustomRuleOptions): Promise<string> {
  const id = randomUUID();
  const connector = options.connector === 'entra' ? `{${ENTRA_GUID.toLowerCase()}}` : `{${AD_GUID}}`;
  const xml = `<synchronizationRule>
  <id>{${id}}</id>
  <internal-id>{${id}}</internal-id>
  <version>1</version>
  <name>${options.name}</name>
  <description>Custom rule added by the Contoso identity team</description>
  <immutable-tag />
  <direction>${options.direction ?? 'Inbound'}</direction>
  <disabled>${options.disabled ? 'True' : 'False'}</disabled>
  <connector>${connector}</connector>
  <sourceObjectType>${options.direction === 'Outbound' ? 'person' : 'user'}</sourceObjectType>
  <targetObjectType>${options.direction === 'Outbound' ? 'user' : 'person'}</targetObjectType>
  <linkType>Join</linkType>
  <precedence>${options.precedence ?? 50}</precedence>
  <precedence-after>{00000000-0000-0000-0000-000000000000}</precedence-after>
  <precedence-before>{00000000-0000-0000-0000-000000000000}</precedence-before>
  <softDeleteExpiryInterval>00:00:00</softDeleteExpiryInterval>
  <EnablePasswordSync>false</EnablePasswordSync>
  <attribute-mappings>
${options.flows ?? `    <mapping>
      <dest>extensionAttribute10</dest>
      <src>
        <attr>department</attr>
      </src>
      <expression>IIF(IsPresent([department]),Left([department],64),NULL)</expression>
      <valueMergeType>Update</valueMergeType>
    </mapping>`}
  </attribute-mappings>
  <relationshipCriteria />
  <synchronizationCriteria>
${options.scope ?? `    <conditions>
      <scope>
        <csAttribute>employeeType</csAttribute>
        <csOperator>EQUAL</csOperator>
        <csValue>Employee</csValue>
      </scope>
    </conditions>`}
  </synchronizationCriteria>
</synchronizationRule>
`;
  const file = path.join(dir, 'SynchronizationRules', `SynchronizationRule_{${id}}.xml`);
  await writeFile(file, xml);
  return file;
}

/** Sets a global parameter of MV.xml. */
export async function setGlobal(dir: string, name: string, value: string): Promise<void> {
  await editFile(path.join(dir, 'GlobalSettings', 'MV.xml'), (text) =>
    text.replace(new RegExp(`(<parameter name="${name.replace(/\./g, '\\.')}"[^>]*?)(?: />|>[^<]*</parameter>)`), `$1>${value}</parameter>`),
  );
}

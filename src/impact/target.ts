/**
 * How a pending export is recognised on both servers. Connector-space object ids (`id="{GUID}"`) are per server
 * and never used. The target identity is the delta's DN: on the Entra ID connector `CN={hex of sourceAnchor}`
 * (identical on both servers; hex digits compared case-insensitively), on other connectors the DN compared
 * case-insensitively with the blanks around separators dropped. Connector names line up through the drift
 * engine's --map renames (active name -> staging name) and are compared case-insensitively.
 */
import { retain } from '../exports/retain.js';

/** `CN=Megan Bowen , OU=Sales,DC=Contoso` -> `cn=megan bowen,ou=sales,dc=contoso`. Escaped separators (`\,`) stay. */
export function normalizeDn(dn: string): string {
  return dn
    .trim()
    .toLowerCase()
    .replace(/\s*(?<!\\)([,=+;])\s*/g, (_, separator: string) => (separator === ';' ? ',' : separator));
}

/** The key of a pending export on a connector; undefined when the delta names no DN (it cannot be paired). */
export function targetKey(dn: string): string | undefined {
  const key = normalizeDn(dn);
  // A copy: the DN is a slice of the parser's chunk, and the key outlives it (see exports/retain.ts).
  return key === '' ? undefined : retain(key);
}

/**
 * Whether a name-map name is one some export file stands for (case-insensitively, as part of the connector name, as
 * connectorMatchName replaces it): a name no file carries maps nothing in the pairing.
 */
export function namesAConnector(files: readonly { connector: string }[], name: string): boolean {
  const wanted = name.toLowerCase();
  return files.some((ref) => ref.connector.toLowerCase().includes(wanted));
}

/** The connector name a server's export file stands for, after the --map renames (lower case, for matching). */
export function connectorMatchName(name: string, nameMap: Readonly<Record<string, string>> = {}): string {
  const entries = Object.entries(nameMap)
    .filter(([from]) => from !== '')
    .sort((a, b) => b[0].length - a[0].length);
  let mapped = name.trim();
  if (entries.length > 0) {
    const pattern = new RegExp(entries.map(([from]) => from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'gi');
    const lookup = new Map(entries.map(([from, to]) => [from.toLowerCase(), to]));
    mapped = mapped.replace(pattern, (match) => lookup.get(match.toLowerCase()) ?? match);
  }
  return mapped.toLowerCase();
}

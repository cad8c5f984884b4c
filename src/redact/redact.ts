/**
 * Redaction of personal data before anything is written (comments, job summary, JSON, CSV, logs).
 * Names become keyed hashes: HMAC-SHA256 with a secret the user provides, so the same person maps to the same
 * token across reports (a reviewer can still follow one object), while a staff list cannot be hashed to
 * reverse them without the secret.
 */
import { createHmac } from 'node:crypto';
import type { ExportErrorExample, ObjectIdentity, PendingExportReport, PendingExportSummary, RiskyExample } from '../exports/types.js';

export interface Redactor {
  /** A whole value (UPN, mail, display name): `~a1b2c3d4e5`. */
  value(text: string): string;
  /** A DN: the value of each CN/UID RDN hashed, OU/DC kept (they describe scope, not people). */
  dn(dn: string): string;
  /** Free text: every e-mail address or UPN inside it hashed. */
  text(text: string): string;
}

/**
 * The lookbehind starts a match only where a run of local-part characters starts: the same matches (a local part
 * may be any tail of the run), but a long run without `@` is scanned once, not once per character (quadratic).
 */
const EMAIL = /(?<![A-Za-z0-9._%+'-])[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
export const MIN_SECRET_LENGTH = 16;

export function createRedactor(secret: string): Redactor {
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new Error(`the redaction secret must be at least ${MIN_SECRET_LENGTH} characters (a short one can be guessed, and the hashes reversed)`);
  }
  const value = (text: string): string => `~${createHmac('sha256', secret).update(text.normalize('NFC').toLowerCase()).digest('hex').slice(0, 10)}`;
  const dn = (name: string): string =>
    name.replace(/(^|,)\s*(CN|UID)=((?:\\.|[^,\\])*)/gi, (_match, lead: string, type: string, rdn: string) => `${lead}${type}=${value(rdn)}`);
  const text = (input: string): string => input.replace(EMAIL, (address) => value(address));
  return { value, dn, text };
}

/** Identities carry the personal data; ids, types and operations stay. */
export function redactIdentity(identity: ObjectIdentity, redactor: Redactor): ObjectIdentity {
  const hash = (field: string | undefined) => (field === undefined || field === '' ? field : redactor.value(field));
  return {
    ...identity,
    dn: redactor.dn(identity.dn),
    upn: hash(identity.upn),
    displayName: hash(identity.displayName),
    alias: hash(identity.alias),
    primarySmtp: hash(identity.primarySmtp),
    onPremisesSamAccountName: hash(identity.onPremisesSamAccountName),
    mail: hash(identity.mail),
    onPremisesDistinguishedName: identity.onPremisesDistinguishedName === undefined ? undefined : redactor.dn(identity.onPremisesDistinguishedName),
  };
}

function redactExample(example: RiskyExample, redactor: Redactor): RiskyExample {
  return {
    ...example,
    identity: redactIdentity(example.identity, redactor),
    before: example.before === undefined ? undefined : redactor.value(example.before),
    after: example.after === undefined ? undefined : redactor.value(example.after),
    detail: redactDetail(example, redactor),
  };
}

/** The detail sentence names values: rebuild it from the redacted parts rather than trust a regex over it. */
function redactDetail(example: RiskyExample, redactor: Redactor): string {
  let detail = redactor.text(example.detail);
  for (const field of [example.before, example.after, example.identity.displayName, example.identity.upn, example.identity.sourceAnchor]) {
    if (field) detail = detail.split(field).join(redactor.value(field));
  }
  return detail;
}

function redactError(example: ExportErrorExample, redactor: Redactor): ExportErrorExample {
  return { ...example, identity: redactIdentity(example.identity, redactor), detail: example.detail === undefined ? undefined : redactor.text(example.detail) };
}

export function redactSummary<T extends PendingExportSummary>(summary: T, redactor: Redactor): T {
  return {
    ...summary,
    renameSample: summary.renameSample.map((rename) => ({ identity: redactIdentity(rename.identity, redactor), newDn: redactor.dn(rename.newDn) })),
    errorSample: summary.errorSample.map((example) => redactError(example, redactor)),
    deletes: {
      ...summary.deletes,
      sample: summary.deletes.sample.map((identity) => redactIdentity(identity, redactor)),
      ...(summary.deletes.containers ? { containers: Object.fromEntries(Object.entries(summary.deletes.containers).map(([container, n]) => [redactor.dn(container), n])) } : {}),
    },
    risky: summary.risky.map((group) => ({ ...group, examples: group.examples.map((example) => redactExample(example, redactor)) })),
  };
}

export function redactExportReport(report: PendingExportReport, redactor: Redactor): PendingExportReport {
  return { ...redactSummary(report, redactor), connectors: report.connectors.map((summary) => redactSummary(summary, redactor)) };
}

import { createRequire as __syncstageCreateRequire } from 'node:module'; const require = __syncstageCreateRequire(import.meta.url);

// src/redact/redact.ts
import { createHmac } from "node:crypto";
var EMAIL = /(?<![A-Za-z0-9._%+'-])[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
var MIN_SECRET_LENGTH = 16;
function createRedactor(secret) {
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new Error(`the redaction secret must be at least ${MIN_SECRET_LENGTH} characters (a short one can be guessed, and the hashes reversed)`);
  }
  const value = (text2) => `~${createHmac("sha256", secret).update(text2.normalize("NFC").toLowerCase()).digest("hex").slice(0, 10)}`;
  const dn = (name) => name.replace(/(^|,)\s*(CN|UID)=((?:\\.|[^,\\])*)/gi, (_match, lead, type, rdn) => `${lead}${type}=${value(rdn)}`);
  const text = (input) => input.replace(EMAIL, (address) => value(address));
  return { value, dn, text };
}
function redactIdentity(identity, redactor) {
  const hash = (field) => field === void 0 || field === "" ? field : redactor.value(field);
  return {
    ...identity,
    dn: redactor.dn(identity.dn),
    upn: hash(identity.upn),
    displayName: hash(identity.displayName),
    alias: hash(identity.alias),
    primarySmtp: hash(identity.primarySmtp),
    onPremisesSamAccountName: hash(identity.onPremisesSamAccountName),
    mail: hash(identity.mail),
    onPremisesDistinguishedName: identity.onPremisesDistinguishedName === void 0 ? void 0 : redactor.dn(identity.onPremisesDistinguishedName)
  };
}
function redactExample(example, redactor) {
  return {
    ...example,
    identity: redactIdentity(example.identity, redactor),
    before: example.before === void 0 ? void 0 : redactor.value(example.before),
    after: example.after === void 0 ? void 0 : redactor.value(example.after),
    detail: redactDetail(example, redactor)
  };
}
function redactDetail(example, redactor) {
  let detail = redactor.text(example.detail);
  for (const field of [example.before, example.after, example.identity.displayName, example.identity.upn, example.identity.sourceAnchor]) {
    if (field) detail = detail.split(field).join(redactor.value(field));
  }
  return detail;
}
function redactError(example, redactor) {
  return { ...example, identity: redactIdentity(example.identity, redactor), detail: example.detail === void 0 ? void 0 : redactor.text(example.detail) };
}
function redactSummary(summary, redactor) {
  return {
    ...summary,
    renameSample: summary.renameSample.map((rename) => ({ identity: redactIdentity(rename.identity, redactor), newDn: redactor.dn(rename.newDn) })),
    errorSample: summary.errorSample.map((example) => redactError(example, redactor)),
    deletes: {
      ...summary.deletes,
      sample: summary.deletes.sample.map((identity) => redactIdentity(identity, redactor)),
      ...summary.deletes.containers ? { containers: Object.fromEntries(Object.entries(summary.deletes.containers).map(([container, n]) => [redactor.dn(container), n])) } : {}
    },
    risky: summary.risky.map((group) => ({ ...group, examples: group.examples.map((example) => redactExample(example, redactor)) }))
  };
}
function redactExportReport(report, redactor) {
  return { ...redactSummary(report, redactor), connectors: report.connectors.map((summary) => redactSummary(summary, redactor)) };
}

// src/exports/counts.ts
function countOperations(operations, ...names) {
  return names.reduce((sum, name) => sum + (operations?.[name] ?? 0), 0);
}

// src/exports/vocabulary.ts
function tallyOperations(operations) {
  const deletes = countOperations(operations, "delete");
  const deleteAdds = countOperations(operations, "delete-add");
  return {
    adds: countOperations(operations, "add"),
    updates: countOperations(operations, "update", "replace"),
    replaces: countOperations(operations, "replace"),
    deletes,
    deleteAdds,
    deletions: deletes + deleteAdds
  };
}
var TALLY_COLUMNS = [
  { header: "add", of: (t) => t.adds },
  { header: "update", of: (t) => t.updates },
  { header: "delete", of: (t) => t.deletes },
  { header: "delete-add", of: (t) => t.deleteAdds }
];

export {
  MIN_SECRET_LENGTH,
  createRedactor,
  redactIdentity,
  redactExportReport,
  countOperations,
  tallyOperations,
  TALLY_COLUMNS
};

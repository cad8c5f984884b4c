/**
 * One hostile 1 MiB input per regular expression that PR-controlled text reaches (issue 15 item 9), each run
 * through the function that applies it. Keys name the file and the pattern; regex-budget.test.ts times each one
 * against a linear scan (linear-time.ts). Inputs are shaped to the pattern: long runs of what its quantifiers
 * accept, ended by what makes it fail (U+2028 stops `.`; a stray character stops an anchored `$`).
 */
import { parseChecklist } from '../../src/gate/checklist.js';
import { isFailoverRunbook, parseFrontMatter } from '../../src/gate/front-matter.js';
import { trimTrailingSlashes } from '../../src/files/source.js';
import { parseJson } from '../../src/files/json.js';
import { createRedactor } from '../../src/redact/redact.js';
import { codeSpan, escapeCell, escapeText, mermaidLabel } from '../../src/report/markdown-text.js';
import { mergeQueuePullNumber } from '../../src/github/changed-files.js';
import { redactSecrets } from '../../src/github/replies.js';
import { parseCommand } from '../../src/github/command.js';
import { fitLine } from '../../src/github/checks.js';
import { closeOpenBlocks, neutraliseMarkers, parseMarker } from '../../src/github/comments.js';
import { connectorFromFileName, isExportFile } from '../../src/snapshot/manifest.js';
import { psDate, psNumber, psTimeSpan } from '../../src/snapshot/powershell-json.js';
import { isEntraConnectorName } from '../../src/exports/connector.js';
import { compileGlob } from '../../src/files/glob.js';
import type { TimedCase } from './linear-time.js';

const run = (unit: string, length: number): string => unit.repeat(Math.ceil(length / unit.length));
const redactor = createRedactor('a-secret-of-sixteen-or-more');
const frontMatter = (yaml: string): string => `---\n${yaml}\n---\n`;
const attempt = (work: () => unknown): unknown => {
  try {
    return work();
  } catch (error) {
    return error;
  }
};

export const CASES: Record<string, TimedCase> = {
  // src/gate/checklist.ts: every pattern runs on each runbook line.
  'checklist TASK: a task item with a run of tabs, then U+2028': { input: (size) => `- [x] ${run('\t', size)}\u2028!`, run: (text) => parseChecklist(text) },
  'checklist TASK: a run of blanks and quote markers before no bullet': { input: (size) => `${run('> \t', size)}!`, run: (text) => parseChecklist(text) },
  'checklist FENCE_OPEN: a run of backticks, then U+2028': { input: (size) => `${run('`', size)}\u2028!`, run: (text) => parseChecklist(text) },
  'checklist FENCE_OPEN: a run of tildes after blanks': { input: (size) => `${run(' ', size)}${run('~', size)}\u2029x`, run: (text) => parseChecklist(text) },
  'checklist trailing id: a run of blanks after the text (was quadratic: 103 KB blocked the App 31-47 s)': {
    input: (size) => `- [x] a ${run(' \t', size)}x`,
    run: (text) => parseChecklist(text),
  },
  'checklist trailing id: many code spans': { input: (size) => `- [x] a ${run('`a` ', size)}`, run: (text) => parseChecklist(text) },
  'checklist ACK: a long target, then U+2028': { input: (size) => `- [x] ack drift ${run('a', size)}\u2028x`, run: (text) => parseChecklist(text) },
  'checklist ACK: a long reason, then U+2028': { input: (size) => `- [x] ack risky anchor-flip attr: ${run(' a', size)}\u2028x`, run: (text) => parseChecklist(text) },
  'checklist LIST_LINE and indentation: lines of blanks': { input: (size) => run(`${' '.repeat(60)}\n`, size), run: (text) => parseChecklist(text) },
  'checklist normalization: look-alike bullets and brackets': { input: (size) => `${run(' \u00a0', size)}\uFF0D \uFF3B\u0445\uFF3D${run('\u200b', size)}`, run: (text) => parseChecklist(text) },
  'checklist headings: a run of #': { input: (size) => run('#', size), run: (text) => parseChecklist(text) },
  'checklist comments: a run of comment openers': { input: (size) => run('<!--', size), run: (text) => parseChecklist(text) },
  'checklist line split: a run of CR': { input: (size) => run('\r', size), run: (text) => parseChecklist(text) },

  // src/gate/front-matter.ts
  'front matter isFailoverRunbook: syncstage marker with a run of blanks': {
    input: (size) => frontMatter(`syncstage:${run(' ', size)}failover${run(' ', size)}x`),
    run: (text) => isFailoverRunbook(text),
  },
  'front matter isFailoverRunbook: a key with a run of blanks and no colon': { input: (size) => frontMatter(`active${run(' ', size)}x`), run: (text) => isFailoverRunbook(text) },
  'front matter parse: backslashes in a path': {
    input: (size) => frontMatter(`active: {server: A, snapshot: "${run('\\\\', size)}"}\nstaging: {server: B}`),
    run: (text) => attempt(() => parseFrontMatter(text, 'runbook.md')),
  },

  // src/gate/pre-switch.ts and src/snapshot/export-files.ts: a snapshot root or pattern from the front matter.
  'trailing slashes: a run of slashes before a name': { input: (size) => `a${run('/', size)}x`, run: (text) => trimTrailingSlashes(text) },

  // src/redact/redact.ts: export-file text (error details, DNs).
  'redact EMAIL: a long run of local-part characters without @': { input: (size) => run('a', size), run: (text) => redactor.text(text) },
  'redact EMAIL: a long domain without a top-level part': { input: (size) => `a@${run('a.', size)}0`, run: (text) => redactor.text(text) },
  'redact EMAIL: many @': { input: (size) => run('a@', size), run: (text) => redactor.text(text) },
  'redact DN: escaped commas in an RDN': { input: (size) => `CN=${run('\\,', size)}`, run: (text) => redactor.dn(text) },
  'redact DN: many RDNs': { input: (size) => run(',CN= ', size), run: (text) => redactor.dn(text) },

  // src/github: refs, commands and error texts.
  'merge queue ref: many gh-readonly-queue/ segments': { input: (size) => `${run('gh-readonly-queue/', size)}pr-1-x`, run: (text) => mergeQueuePullNumber(text) },
  'redactSecrets: a private key header with a long name': { input: (size) => `-----BEGIN ${run('PRIVATE KEY ', size)}x`, run: (text) => redactSecrets(text) },
  'redactSecrets: many token words': { input: (size) => run('token bearer ', size), run: (text) => redactSecrets(text) },
  'redactSecrets: URLs with colons and no @': { input: (size) => run('http://a:b:c', size), run: (text) => redactSecrets(text) },
  'redactSecrets: JWT-like segments': { input: (size) => run('eyJaaaaaaaaa.aaaaaaaaa.', size), run: (text) => redactSecrets(text) },
  'parseCommand: a long argument line': { input: (size) => `/verify-staging ${run('ref=a ', size)}`, run: (text) => parseCommand(text) },
  'parseCommand: a run of blanks before the command': { input: (size) => `${run(' \u2028', size)}/verify-staging`, run: (text) => parseCommand(text) },
  'fitLine: a run of blanks': { input: (size) => `${run(' \u3000', size)}x`, run: (text) => fitLine(text, 140) },

  // src/github/comments.ts (issue 15 item 12): the sticky comment's marker and the cut of a long body.
  'comment cut fence count: a run of newlines (was /^\\s*(```|~~~)/gm, quadratic)': { input: (size) => `${run('\n', size)}x`, run: (text) => closeOpenBlocks(text) },
  'comment cut fence count: a run of blanks before no fence': { input: (size) => `x\n${run(' \t', size)}x`, run: (text) => closeOpenBlocks(text) },
  'comment marker: repeated markers (was /<!-- syncstage:(\\{.*?\\}) -->/)': { input: (size) => `<!-- syncstage:{${run('<!-- syncstage:{} --', size)}`, run: (text) => parseMarker(text) },
  'neutraliseMarkers: many quoted markers and comment openers': { input: (size) => run('<!-- syncstage:{"kind":"review"} --><!--   \n', size), run: (text) => neutraliseMarkers(text) },

  // src/report/markdown-text.ts: file text into Markdown.
  'escapeText: Markdown, HTML, mentions and links': { input: (size) => run('*_`<>@a https://x www.x |\r\n', size), run: (text) => escapeText(text) },
  'escapeCell and codeSpan: backtick runs and pipes': { input: (size) => run('``|\n', size), run: (text) => [escapeCell(text), codeSpan(text)] },
  'mermaidLabel: blanks and punctuation': { input: (size) => run('"\'`<>{}[]()|#;:&\\@ \n', size), run: (text) => mermaidLabel(text) },

  // src/snapshot: file names and PowerShell JSON values.
  'isExportFile and connectorFromFileName: many .xml': { input: (size) => `${run('.xml', size)}.gz!`, run: (text) => [isExportFile(text), connectorFromFileName(text)] },
  'psDate: a long number in /Date()': { input: (size) => `/Date(${run('1', size)}+0000)x`, run: (text) => psDate(text) },
  'psDate: a long ISO-looking date': { input: (size) => `2026-11-24T10:00:00.${run('1', size)}x`, run: (text) => psDate(text) },
  'psTimeSpan: a long day count': { input: (size) => `${run('1', size)}:00:00x`, run: (text) => psTimeSpan(text) },
  'psNumber: a long decimal': { input: (size) => `${run('1', size)}.${run('1', size)}x`, run: (text) => psNumber(text) },
  'parseJson error message: a long invalid number': { input: (size) => `{"a": ${run('1', size)}x}`, run: (text) => attempt(() => parseJson(text, 'x.json')) },
  'isEntraConnectorName: many AAD': { input: (size) => `${run('AAD - ', size)}x`, run: (text) => isEntraConnectorName(text) },
};

// src/files/glob.ts (issue 15 item 8): the glob that ran for minutes under picomatch.
const backtrackingGlob = compileGlob('*a*a*a*a*a*a*a*a*a*a*.xml');
CASES['glob: *a*a*a*a*a*a*a*a*a*a*.xml against a long name'] = { input: (size) => run('a', size), run: (text) => backtrackingGlob(text) };

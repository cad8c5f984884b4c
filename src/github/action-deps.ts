/**
 * The Action's wiring of the review: which verify, which renderers, which config loader.
 * INTEGRATION POINT: on this branch the analysis (src/verify/verify.ts), the Markdown report (src/report/) and the
 * config loader with its schema (src/github/config.ts, gh-app) do not exist yet. Replace the three placeholders below
 * with those imports; nothing else in the Action changes.
 */
import { parse as parseYaml } from 'yaml';
import { InputError } from '../errors.js';
import type { FileSource } from '../files/source.js';
import { escapeText } from '../report/markdown-text.js';
import type { VerificationResult, Verify } from '../verify/types.js';
import type { ActionIO } from './action-io.js';
import { reviewOutputs } from './outcome.js';
import type { RenderOptions, ReviewDeps } from './review.js';
import { SETTINGS_TABLE, type SyncstageSettings } from './settings.js';

/** Placeholder until src/verify/verify.ts is integrated: fails the run with a plain sentence. */
export const verifyNotIntegrated: Verify = async () => {
  throw new Error('syncstage: the analysis (src/verify/verify.ts) is not part of this build');
};

/** Placeholder renderer: the verdict, the reasons and the counts. src/report/markdown.ts replaces it. */
export function renderVerdictMarkdown(result: VerificationResult, options: RenderOptions = {}): string {
  const outputs = reviewOutputs(result);
  const lines = [
    `## syncstage: ${result.verdict === 'ready' ? '✅ ready to switch' : '❌ not ready'}`,
    '',
    `${outputs.adds} adds, ${outputs.updates} updates, ${outputs.deletes} deletes; ${outputs['drift-count']} configuration difference(s)${outputs['threshold-exceeded'] ? '; **deletion threshold exceeded**' : ''}`,
  ];
  if (options.base) {
    const before = reviewOutputs(options.base);
    const delta = outputs.deletes - before.deletes;
    lines.push('', `${delta >= 0 ? '+' : ''}${delta} deletes since ${escapeText(options.baseRef ?? 'the base')}`);
  }
  if (result.reasons.length > 0) lines.push('', ...result.reasons.map((reason) => `- ${escapeText(reason)}`));
  for (const error of result.inputErrors) lines.push(`- ⚠️ ${escapeText(error.message)}`);
  return `${lines.join('\n')}\n`;
}

function camelKey(fileKey: string): keyof SyncstageSettings | undefined {
  return SETTINGS_TABLE.find((row) => row.input === fileKey || row.key === fileKey)?.key;
}

/** Placeholder config loader (no schema): the config file's keys as the inputs name them. gh-app's config.ts replaces it. */
export async function loadConfigWithoutSchema(source: FileSource, file: string): Promise<Partial<SyncstageSettings>> {
  const parsed: unknown = parseYaml(await source.readText(file, 1024 * 1024));
  if (parsed === null || parsed === undefined) return {};
  if (typeof parsed !== 'object' || Array.isArray(parsed)) throw new InputError(source.describe(file), 'expected a mapping of settings');
  const settings: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(parsed)) {
    const camel = camelKey(key);
    if (!camel) throw new InputError(source.describe(file), `unknown setting "${key}"`);
    settings[camel] = ['exports', 'runbooks', 'failOn', 'sensitiveAttributes'].includes(camel) && typeof value === 'string' ? value.split(/[,\n]/).map((s) => s.trim()).filter(Boolean) : value;
  }
  return settings as Partial<SyncstageSettings>;
}

export function actionDeps(io: ActionIO, overrides: Partial<ReviewDeps> = {}): ReviewDeps {
  return {
    verify: verifyNotIntegrated,
    renderComment: (result, options) => renderVerdictMarkdown(result, options),
    renderSummary: (result, options) => renderVerdictMarkdown(result, options),
    now: () => new Date(),
    loadConfig: loadConfigWithoutSchema,
    io,
    ...overrides,
  };
}

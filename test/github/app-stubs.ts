import type { AppDeps } from '../../src/github/deps.js';
import type { FileSource } from '../../src/files/source.js';
import type { VerificationInputs, VerificationResult } from '../../src/verify/types.js';
import { renderGateCheck, renderReviewCheck, result } from './stubs.js';
import { stubSource } from '../support/file-source.js';

export const NOW = new Date('2026-11-24T20:01:05Z');

export interface StubCalls {
  opened: { repo: { owner: string; repo: string }; sha: string }[];
  /** `base`: the commit of the base source handed to verify (the switch impact's earlier snapshots), if any. */
  verified: { sha: string; inputs: VerificationInputs; base?: string }[];
  reviews: number;
}

/** AppDeps whose verify answers `outcome` (or throws it), recording what was asked. */
export function stubDeps(outcome: VerificationResult | Error = result({ verdict: 'not-ready' }), extra: Partial<AppDeps> = {}): { deps: AppDeps; calls: StubCalls } {
  const calls: StubCalls = { opened: [], verified: [], reviews: 0 };
  /** The commit each source handed out was opened at. */
  const commits = new WeakMap<FileSource, string>();
  const deps: AppDeps = {
    openSource: (_octokit, repo, sha) => {
      calls.opened.push({ repo, sha });
      const source = stubSource({ describe: (path) => `${repo.owner}/${repo.repo}@${sha}:${path}` });
      commits.set(source, sha);
      return source;
    },
    verify: async (source, inputs, sources) => {
      const base = sources?.base && commits.get(sources.base);
      calls.verified.push({ sha: commits.get(source)!, inputs, ...(base ? { base } : {}) });
      if (outcome instanceof Error) throw outcome;
      return { ...outcome, inputs };
    },
    renderVerifyReply: (r, { commandUrl, sha }) => `**${r.verdict === 'ready' ? 'ready to switch' : 'not ready'}** at \`${sha}\` ([command](${commandUrl}))`,
    renderReviewCheck,
    renderGateCheck,
    reviewPullRequest: async () => {
      calls.reviews += 1;
    },
    now: () => NOW,
    ...extra,
  };
  return { deps, calls };
}

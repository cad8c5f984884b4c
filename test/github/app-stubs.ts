import type { AppDeps } from '../../src/github/deps.js';
import type { FileSource } from '../../src/files/source.js';
import { loadConfigFile } from '../../src/github/settings-file.js';
import { appInputs } from '../../src/github/inputs.js';
import { CONFIG_PATH } from '../../src/github/settings-schema.js';
import { checkRunsPublisher } from '../../src/github/publish/check-runs.js';
import type { Publisher } from '../../src/github/publish/publisher.js';
import { appRuntime, type Runtime } from '../../src/github/runtime.js';
import type { VerificationInputs, VerificationResult } from '../../src/verify/types.js';
import { configAtTrustedCommit } from './nock-github.js';
import { renderGateCheck, renderReviewCheck, result } from './stubs.js';
import { stubSource } from '../support/file-source.js';

export const NOW = new Date('2026-11-24T20:01:05Z');

export interface StubCalls {
  opened: { repo: { owner: string; repo: string }; sha: string }[];
  /** `base`: the commit of the base source handed to verify (the switch impact's earlier snapshots), if any. */
  verified: { sha: string; inputs: VerificationInputs; base?: string }[];
  /** Reviews the sticky-comment publisher was handed (stubRuntime), with the run it would link. */
  reviews: number;
  runs: ({ url: string; label: string } | undefined)[];
}

const RUNTIMES = new WeakMap<AppDeps, Runtime>();

/** The stub runtime of deps made by stubDeps (comment recorded), for syncstageApp's `runtime` option. */
export function stubRuntimeOf(deps: AppDeps): Runtime | undefined {
  return RUNTIMES.get(deps);
}

/** AppDeps whose verify answers `outcome` (or throws it), recording what was asked. */
export function stubDeps(outcome: VerificationResult | Error = result({ verdict: 'not-ready' }), extra: Partial<AppDeps> = {}): { deps: AppDeps; calls: StubCalls } {
  const calls: StubCalls = { opened: [], verified: [], reviews: 0, runs: [] };
  /** The commit each source handed out was opened at. */
  const commits = new WeakMap<FileSource, string>();
  const deps: AppDeps = {
    openSource: (_octokit, repo, sha) => {
      calls.opened.push({ repo, sha });
      // Only `.github/syncstage.yml` is there (mockConfig): the settings are read through the same source as files.
      const config = () => configAtTrustedCommit();
      const source = stubSource({
        describe: (path) => `${repo.owner}/${repo.repo}@${sha.slice(0, 7)}:${path}`,
        kind: async (path) => (path === CONFIG_PATH && config() !== null ? 'file' : undefined),
        readText: async (path) => {
          const yaml = config();
          if (path !== CONFIG_PATH || yaml === null) throw new Error(`${path}: not in the stub source`);
          return yaml;
        },
      });
      commits.set(source, sha);
      return source;
    },
    loadConfig: loadConfigFile,
    inputs: appInputs(),
    renderComment: (r) => `comment: ${r.verdict}`,
    renderSummary: (r) => `summary: ${r.verdict}`,
    verify: async (source, inputs, sources) => {
      const base = sources?.base && commits.get(sources.base);
      calls.verified.push({ sha: commits.get(source)!, inputs, ...(base ? { base } : {}) });
      if (outcome instanceof Error) throw outcome;
      return { ...outcome, inputs };
    },
    renderVerifyReply: (r, { commandUrl, sha }) => `**${r.verdict === 'ready' ? 'ready to switch' : 'not ready'}** at \`${sha}\` ([command](${commandUrl}))`,
    renderReviewCheck,
    renderGateCheck,
    now: () => NOW,
    ...extra,
  };
  RUNTIMES.set(deps, stubRuntime(deps, calls));
  return { deps, calls };
}

/**
 * The App's runtime with the sticky comment and labels replaced by a recorder: check runs are posted for real (nock),
 * and a pull request's review is counted with the run it would link.
 */
export function stubRuntime(deps: AppDeps, calls: StubCalls): Runtime {
  const app = appRuntime(deps, async () => undefined, { warn: () => {} });
  const checks = checkRunsPublisher(deps.now);
  const comment: Publisher = {
    name: 'sticky comment (recorded)',
    publish: async (_outcome, context) => {
      calls.reviews += 1;
      calls.runs.push(context.run);
    },
  };
  return { ...app, publishers: (kind) => (kind === 'pull-request' ? [checks, comment] : [checks]) };
}

/** The App's runtime posting the two check runs only: for tests about the checks, with no comment traffic to mock. */
export function checksOnlyRuntime(deps: AppDeps): Runtime {
  const app = appRuntime(deps, async () => undefined, { warn: () => {} });
  const checks = checkRunsPublisher(deps.now);
  return { ...app, publishers: () => [checks] };
}

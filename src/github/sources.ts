/**
 * Where each runtime reads a commit's files (ReviewDeps.openSource). The App reads every commit through the API.
 * The Action reads its checkout when the checkout is exactly the commit wanted, and any other commit through the API,
 * taking from the checkout each file whose git blob id is the one that commit lists (an export unchanged since the
 * base is read from disk, and analysed once).
 */
import { DiskFileSource } from '../files/disk.js';
import type { FileSource } from '../files/source.js';
import type { OpenSource } from './deps.js';
import { ApiFileSource, readCheckoutHead } from './files.js';

export const apiSources: OpenSource = (octokit, repo, sha) => new ApiFileSource(octokit, repo, sha);

export function checkoutSources(workspace: string | undefined): OpenSource {
  let checkout: Promise<{ sha: string; source: FileSource } | undefined> | undefined;
  const readCheckout = async () => {
    if (!workspace) return undefined;
    const sha = await readCheckoutHead(workspace);
    // Confined: the checkout is the pull request's, links and paths outside it included (issue 15 item 11).
    return sha ? { sha: sha.toLowerCase(), source: new DiskFileSource(workspace, { confined: true, contentIds: true }) } : undefined;
  };
  return async (octokit, repo, sha) => {
    const local = await (checkout ??= readCheckout());
    if (local && local.sha === sha.toLowerCase()) return local.source;
    return new ApiFileSource(octokit, repo, sha, local ? { checkout: local.source } : {});
  };
}

/**
 * Who may run `/verify-staging`: people with write, maintain or admin access (read from `role_name` and
 * `user.permissions`: the legacy `permission` field maps maintain to write and triage to read), and, when the
 * config has an allowlist, only those of them named in it or members of a listed team. Bots never, the app itself
 * above all. Team lookups need the organization permission "Members: read": a GitHub App can be granted it, the
 * Action's GITHUB_TOKEN cannot, so in the Action a team allowlist finds nobody (say so in the reply).
 */
export const ALLOWED_ROLES = ['write', 'maintain', 'admin'] as const;

export interface Sender {
  login: string;
  type?: string;
}

export interface CollaboratorPermission {
  permission: string;
  role_name?: string;
  user?: { permissions?: { push?: boolean; maintain?: boolean; admin?: boolean } } | null;
}

import type { PermissionOctokit } from './octokit.js';

export type { PermissionOctokit };

export interface Allowlist {
  users?: string[];
  teams?: string[];
}

export type Authorization = { allowed: true; notes: string[] } | { allowed: false; reason: string; notes: string[] };

/** Bots are ignored: `type: Bot`, a `[bot]` login, and this app's own login. */
export function isBot(sender: Sender, appLogin?: string): boolean {
  if (sender.type === 'Bot') return true;
  const login = sender.login.toLowerCase();
  if (login.endsWith('[bot]')) return true;
  return appLogin !== undefined && login === appLogin.toLowerCase();
}

/** write, maintain or admin, by role name or by the permissions object (custom roles keep their base permissions). */
export function hasWriteAccess(data: CollaboratorPermission): boolean {
  if (data.role_name && (ALLOWED_ROLES as readonly string[]).includes(data.role_name)) return true;
  const permissions = data.user?.permissions;
  return Boolean(permissions?.push || permissions?.maintain || permissions?.admin);
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

/** The role as a person reads it, for the refusal. */
export function roleName(data: CollaboratorPermission): string {
  return data.role_name || data.permission || 'none';
}

export async function readPermission(
  octokit: PermissionOctokit,
  repo: { owner: string; repo: string },
  username: string,
): Promise<CollaboratorPermission | undefined> {
  try {
    const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({ ...repo, username });
    return data;
  } catch (error) {
    if (statusOf(error) === 404) return undefined;
    throw error;
  }
}

/** `slug` (in the repository owner's organization) or `org/slug`. */
export function parseTeam(team: string, defaultOrg: string): { org: string; slug: string } {
  const slash = team.indexOf('/');
  return slash === -1 ? { org: defaultOrg, slug: team } : { org: team.slice(0, slash), slug: team.slice(slash + 1) };
}

/** Active membership; a 403 or 404 is "not a member", with a note saying why it may be wrong. */
export async function isTeamMember(
  octokit: PermissionOctokit,
  team: { org: string; slug: string },
  username: string,
): Promise<{ member: boolean; note?: string }> {
  try {
    const { data } = await octokit.rest.teams.getMembershipForUserInOrg({ org: team.org, team_slug: team.slug, username });
    return { member: data.state === 'active' };
  } catch (error) {
    const status = statusOf(error);
    if (status === 403) {
      return { member: false, note: `team ${team.org}/${team.slug} could not be read (403): the GitHub App needs the organization permission "Members: read"; the Action's GITHUB_TOKEN can never read teams` };
    }
    if (status === 404) return { member: false, note: `team ${team.org}/${team.slug}: not found, or the user is not a member (404)` };
    throw error;
  }
}

function allowlistConfigured(allowlist: Allowlist | undefined): allowlist is Allowlist {
  return Boolean(allowlist && ((allowlist.users?.length ?? 0) > 0 || (allowlist.teams?.length ?? 0) > 0));
}

/** Whether `login` may run the command in `repo`, with the reason when not. */
export async function authorize(
  octokit: PermissionOctokit,
  repo: { owner: string; repo: string },
  login: string,
  allowlist?: Allowlist,
): Promise<Authorization> {
  const notes: string[] = [];
  const permission = await readPermission(octokit, repo, login);
  if (!permission || !hasWriteAccess(permission)) {
    const role = permission ? roleName(permission) : 'none';
    return { allowed: false, notes, reason: `\`/verify-staging\` needs write, maintain or admin access to this repository, and your role here is \`${role.replace(/`/g, '')}\`.` };
  }
  if (!allowlistConfigured(allowlist)) return { allowed: true, notes };
  if ((allowlist.users ?? []).some((user) => user.toLowerCase() === login.toLowerCase())) return { allowed: true, notes };
  for (const team of allowlist.teams ?? []) {
    const result = await isTeamMember(octokit, parseTeam(team, repo.owner), login);
    if (result.note) notes.push(result.note);
    if (result.member) return { allowed: true, notes };
  }
  return {
    allowed: false,
    notes,
    reason: 'this repository limits `/verify-staging` to the users and teams in the `allowlist` of `.github/syncstage.yml`, and you are not among them.',
  };
}

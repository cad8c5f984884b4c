import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { authorize, hasWriteAccess, isBot, isTeamMember, parseTeam } from '../../src/github/permissions.js';
import { API, testOctokit } from './helpers.js';

const repo = { owner: 'contoso', repo: 'identity-sync' };

function permissionReply(role_name: string, permission: string, push: boolean, maintain = false, admin = false) {
  return { permission, role_name, user: { login: 'alice', type: 'User', permissions: { pull: true, triage: push, push, maintain, admin } } };
}

function mockPermission(body: object, status = 200) {
  return nock(API).get('/repos/contoso/identity-sync/collaborators/alice/permission').reply(status, body);
}

describe('isBot', () => {
  it.each([
    [{ login: 'dependabot[bot]', type: 'Bot' }, undefined, true],
    [{ login: 'renovate[bot]', type: 'User' }, undefined, true],
    [{ login: 'syncstage[bot]' }, 'syncstage[bot]', true],
    [{ login: 'Syncstage[Bot]', type: 'User' }, 'syncstage[bot]', true],
    [{ login: 'ci-bot', type: 'Bot' }, undefined, true],
    [{ login: 'alice', type: 'User' }, 'syncstage[bot]', false],
    [{ login: 'robot', type: 'User' }, undefined, false],
  ])('%j (app %s) -> %s', (sender, app, bot) => {
    expect(isBot(sender, app)).toBe(bot);
  });
});

describe('hasWriteAccess', () => {
  it.each([
    ['read', 'read', false, false],
    ['triage', 'read', false, false],
    ['write', 'write', true, true],
    ['maintain', 'write', true, true],
    ['admin', 'admin', true, true],
  ])('role_name %s (legacy permission %s)', (role, legacy, push, allowed) => {
    expect(hasWriteAccess(permissionReply(role, legacy, push))).toBe(allowed);
  });
  it('accepts a custom role by its base permissions', () => {
    expect(hasWriteAccess(permissionReply('release-manager', 'write', true))).toBe(true);
    expect(hasWriteAccess(permissionReply('auditor', 'read', false))).toBe(false);
  });
  it('never trusts the legacy field alone', () => {
    expect(hasWriteAccess({ permission: 'write' })).toBe(false);
  });
});

describe('parseTeam', () => {
  it('defaults the organization to the repository owner', () => {
    expect(parseTeam('sync-admins', 'contoso')).toEqual({ org: 'contoso', slug: 'sync-admins' });
    expect(parseTeam('fabrikam/ops', 'contoso')).toEqual({ org: 'fabrikam', slug: 'ops' });
  });
});

describe('authorize', () => {
  it.each([
    ['read', 'read', false, false],
    ['triage', 'read', false, false],
    ['write', 'write', true, true],
    ['maintain', 'write', true, true],
    ['admin', 'admin', true, true],
  ])('role_name %s -> allowed %s', async (role, legacy, push, allowed) => {
    mockPermission(permissionReply(role, legacy, push, role === 'maintain' || role === 'admin', role === 'admin'));
    const result = await authorize(testOctokit(), repo, 'alice');
    expect(result.allowed).toBe(allowed);
    if (!result.allowed) expect(result.reason).toBe(`\`/verify-staging\` needs write, maintain or admin access to this repository, and your role here is \`${role}\`.`);
  });

  it('refuses someone who is not a collaborator (404)', async () => {
    mockPermission({ message: 'Not Found' }, 404);
    expect(await authorize(testOctokit(), repo, 'alice')).toEqual({
      allowed: false,
      notes: [],
      reason: '`/verify-staging` needs write, maintain or admin access to this repository, and your role here is `none`.',
    });
  });

  it('lets other API failures through', async () => {
    mockPermission({ message: 'boom' }, 500);
    await expect(authorize(testOctokit(), repo, 'alice')).rejects.toMatchObject({ status: 500 });
  });

  it('allows a listed user without team lookups', async () => {
    mockPermission(permissionReply('write', 'write', true));
    expect(await authorize(testOctokit(), repo, 'alice', { users: ['Alice'], teams: ['sync-admins'] })).toEqual({ allowed: true, notes: [] });
  });

  it('allows an active member of a listed team', async () => {
    mockPermission(permissionReply('write', 'write', true));
    nock(API).get('/orgs/contoso/teams/sync-admins/memberships/alice').reply(200, { state: 'active', role: 'member' });
    expect(await authorize(testOctokit(), repo, 'alice', { teams: ['sync-admins'] })).toEqual({ allowed: true, notes: [] });
  });

  it('refuses a pending member and someone outside the allowlist', async () => {
    mockPermission(permissionReply('admin', 'admin', true, true, true));
    nock(API).get('/orgs/contoso/teams/sync-admins/memberships/alice').reply(200, { state: 'pending', role: 'member' });
    nock(API).get('/orgs/fabrikam/teams/ops/memberships/alice').reply(404, { message: 'Not Found' });
    const result = await authorize(testOctokit(), repo, 'alice', { users: ['bob'], teams: ['sync-admins', 'fabrikam/ops'] });
    expect(result).toEqual({
      allowed: false,
      notes: ['team fabrikam/ops: not found, or the user is not a member (404)'],
      reason: 'this repository limits `/verify-staging` to the users and teams in the `allowlist` of `.github/syncstage.yml`, and you are not among them.',
    });
  });

  it('treats a 403 on the team lookup as not a member, with a note on the missing permission', async () => {
    nock(API).get('/orgs/contoso/teams/sync-admins/memberships/alice').reply(403, { message: 'Resource not accessible by integration' });
    expect(await isTeamMember(testOctokit(), { org: 'contoso', slug: 'sync-admins' }, 'alice')).toEqual({
      member: false,
      note: 'team contoso/sync-admins could not be read (403): the GitHub App needs the organization permission "Members: read"; the Action\'s GITHUB_TOKEN can never read teams',
    });
  });

  it('ignores an empty allowlist', async () => {
    mockPermission(permissionReply('write', 'write', true));
    expect(await authorize(testOctokit(), repo, 'alice', { users: [], teams: [] })).toEqual({ allowed: true, notes: [] });
  });
});

/**
 * `/verify-staging` parsing: pure functions, no GitHub. The command must start the comment (after optional
 * whitespace) and be followed by whitespace or the end; only the first line holds arguments; values may be
 * quoted shell-style. Anything unexpected gets the help with the specific problem, never a guess.
 */
import { codeSpan } from '../report/markdown-text.js';

export const COMMAND = '/verify-staging';

export const ARGUMENT_KEYS = ['ref', 'primary', 'staging', 'exports', 'runbook'] as const;
export type ArgumentKey = (typeof ARGUMENT_KEYS)[number];
export type CommandArguments = Partial<Record<ArgumentKey, string>>;

export type ParsedCommand =
  | { kind: 'not-a-command' }
  | { kind: 'help' }
  | { kind: 'invalid'; problem: string }
  | { kind: 'run'; args: CommandArguments };

export const HELP_TEXT = [
  '**`/verify-staging`** verifies the staging server and answers **ready to switch** or **not ready**.',
  '',
  'Usage (arguments on the first line, any order, each at most once):',
  '',
  '```',
  '/verify-staging [ref=BRANCH] [primary=PATH] [staging=PATH] [exports=GLOB] [runbook=PATH]',
  '/verify-staging help',
  '```',
  '',
  '| Argument | Meaning | Default |',
  '| --- | --- | --- |',
  '| `ref=BRANCH` | Branch, tag or SHA to judge. Issues only: in a pull request its head is judged. | the default branch |',
  '| `primary=PATH` | Snapshot folder of the active server. | `primary` in `.github/syncstage.yml` |',
  '| `staging=PATH` | Snapshot folder of the staging server. | `staging` in `.github/syncstage.yml` |',
  '| `exports=GLOB` | Pending-export files of the staging server. | `exports` in `.github/syncstage.yml` |',
  '| `runbook=PATH` | Failover runbook whose checklist is evaluated (a path, not a glob; it must exist); in a PR, judged besides the runbooks the PR changes, never instead. | in a PR, the runbooks it changes; in an issue, `runbooks` in `.github/syncstage.yml` |',
  '',
  "Values with spaces or braces can be quoted: `staging='snapshots/staging server'`, `exports=\"exports/{a,b}.xml\"`.",
  'Paths are relative to the repository root. Only people with write, maintain or admin access can run the command.',
].join('\n');

const MAX_VALUE_LENGTH = 1024;

/** Splits the first line into words, shell-style: 'single' (literal), "double" (with \" and \\ escapes). */
export function tokenize(line: string): { tokens: string[] } | { problem: string } {
  const tokens: string[] = [];
  let current = '';
  let inToken = false;
  let i = 0;
  while (i < line.length) {
    const char = line[i]!;
    if (char === ' ' || char === '\t') {
      if (inToken) tokens.push(current);
      current = '';
      inToken = false;
      i += 1;
    } else if (char === "'") {
      const end = line.indexOf("'", i + 1);
      if (end === -1) return { problem: `unterminated single quote starting at column ${i + 1}` };
      current += line.slice(i + 1, end);
      inToken = true;
      i = end + 1;
    } else if (char === '"') {
      let j = i + 1;
      let closed = false;
      while (j < line.length) {
        const inner = line[j]!;
        if (inner === '\\' && (line[j + 1] === '"' || line[j + 1] === '\\')) {
          current += line[j + 1];
          j += 2;
        } else if (inner === '"') {
          closed = true;
          break;
        } else {
          current += inner;
          j += 1;
        }
      }
      if (!closed) return { problem: `unterminated double quote starting at column ${i + 1}` };
      inToken = true;
      i = j + 1;
    } else {
      current += char;
      inToken = true;
      i += 1;
    }
  }
  if (inToken) tokens.push(current);
  return { tokens };
}

/** The rest of the first line when the comment is the command, or undefined when it is not. */
export function commandLine(body: string): string | undefined {
  // trimStart strips exactly what \s matches, without a regex's backtracking stack on a long run of blanks.
  const trimmed = body.trimStart();
  if (!trimmed.startsWith(COMMAND)) return undefined;
  const rest = trimmed.slice(COMMAND.length);
  if (rest !== '' && !/^\s/u.test(rest)) return undefined;
  const newline = rest.search(/\r?\n/u);
  return (newline === -1 ? rest : rest.slice(0, newline)).trim();
}

function isArgumentKey(key: string): key is ArgumentKey {
  return (ARGUMENT_KEYS as readonly string[]).includes(key);
}

/** Why a value is refused, or undefined when it is fine. */
export function valueProblem(key: ArgumentKey, value: string): string | undefined {
  if (value === '') return `\`${key}=\` needs a value`;
  if (value.length > MAX_VALUE_LENGTH) return `\`${key}=\` is longer than ${MAX_VALUE_LENGTH} characters`;
  if (/[\u0000-\u001f\u007f]/u.test(value)) return `\`${key}=\` contains a control character`;
  if (key === 'ref') {
    if (/\s|\.\.|[~^:?*[\\]|@\{/u.test(value) || value.startsWith('-') || value.startsWith('/') || value.endsWith('/') || value.endsWith('.lock')) {
      return '`ref=` is not a valid branch, tag or SHA name';
    }
    return undefined;
  }
  if (value.startsWith('/')) return `\`${key}=\` must be a path relative to the repository root`;
  if (value.split('/').includes('..')) return `\`${key}=\` must not leave the repository (\`..\`)`;
  return undefined;
}

/** Parses a comment body. Pure: the same body always gives the same answer. */
export function parseCommand(body: string): ParsedCommand {
  const line = commandLine(body);
  if (line === undefined) return { kind: 'not-a-command' };
  const words = tokenize(line);
  if ('problem' in words) return { kind: 'invalid', problem: words.problem };
  if (words.tokens.length === 1 && words.tokens[0] === 'help') return { kind: 'help' };
  const args: CommandArguments = {};
  for (const token of words.tokens) {
    if (token === 'help') return { kind: 'invalid', problem: '`help` takes no other arguments' };
    const equals = token.indexOf('=');
    if (equals <= 0) return { kind: 'invalid', problem: `unknown argument ${codeSpan(token)} (arguments are \`key=value\`)` };
    const key = token.slice(0, equals);
    const value = token.slice(equals + 1);
    if (!isArgumentKey(key)) return { kind: 'invalid', problem: `unknown argument ${codeSpan(key)}` };
    if (args[key] !== undefined) return { kind: 'invalid', problem: `\`${key}=\` is given more than once` };
    const problem = valueProblem(key, value);
    if (problem) return { kind: 'invalid', problem };
    args[key] = value;
  }
  return { kind: 'run', args };
}

/** Arguments that make no sense where the command was posted; undefined when all is fine. */
export function contextProblem(args: CommandArguments, where: { pullRequest: boolean }): string | undefined {
  if (where.pullRequest && args.ref !== undefined) {
    return '`ref=` cannot be used in a pull request: the pull request\'s head commit is what gets judged. Run the command in an issue to judge another branch.';
  }
  return undefined;
}

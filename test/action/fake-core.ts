import type { ActionCore } from '../../src/github/action-io.js';

export interface FakeCore extends ActionCore {
  lines: string[];
  secrets: string[];
  failed: string[];
  outputs: Record<string, unknown>;
  summary: ActionCore['summary'] & { written: string[] };
}

export function fakeCore(): FakeCore {
  const written: string[] = [];
  let pending = '';
  const core: FakeCore = {
    lines: [],
    secrets: [],
    failed: [],
    outputs: {},
    setOutput: (name, value) => void (core.outputs[name] = value),
    setFailed: (message) => void core.failed.push(String(message)),
    setSecret: (secret) => void core.secrets.push(secret),
    info: (message) => void core.lines.push(`info ${message}`),
    warning: (message) => void core.lines.push(`warning ${String(message)}`),
    error: (message) => void core.lines.push(`error ${String(message)}`),
    debug: (message) => void core.lines.push(`debug ${message}`),
    summary: {
      written,
      addRaw(text: string) {
        pending += text;
        return { write: async () => void (written.push(pending), (pending = '')) };
      },
    },
  };
  return core;
}

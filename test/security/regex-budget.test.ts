/**
 * Issue 15 item 9: every regular expression PR-controlled text reaches runs in linear time. Each case (one per
 * pattern, regex-cases.ts) gets a 1 MiB adversarial input and must finish within a budget relative to a linear scan
 * of the same input and to its own time on an eighth of it (linear-time.ts). The trailing-id pattern of the checklist took 31-47 s on
 * 103 KB before; on 1 MiB a quadratic pattern would take hours.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CASES } from './regex-cases.js';
import { MIB, timeCase } from './linear-time.js';

const casesFile = fileURLToPath(new URL('./regex-cases.ts', import.meta.url));

describe('regular expressions on PR-controlled text run in linear time', () => {
  for (const name of Object.keys(CASES)) {
    it(name, { timeout: 90_000 }, async () => {
      const timing = await timeCase(casesFile, name);
      expect(timing.length).toBeGreaterThanOrEqual(MIB);
      expect(timing.elapsedMs, `${name}: ${timing.elapsedMs.toFixed(0)} ms, budget ${timing.budgetMs.toFixed(0)} ms (eighth ${timing.eighthMs.toFixed(0)} ms, scan ${timing.baselineMs.toFixed(2)} ms)`).toBeLessThan(timing.budgetMs);
    });
  }
});

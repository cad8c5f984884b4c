import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { evaluatePrerequisites } from '../../src/gate/evaluate.js';
import { healthyInput } from './builders.js';

describe('schemas/gate.schema.json', () => {
  it('accepts what evaluatePrerequisites returns, and refuses an unknown status', () => {
    const schema = JSON.parse(readFileSync(new URL('../../schemas/gate.schema.json', import.meta.url), 'utf8'));
    const validate = new Ajv({ strict: false }).compile(schema);
    const result = evaluatePrerequisites(healthyInput({ drift: undefined }));
    expect(validate(JSON.parse(JSON.stringify(result))), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...result, prerequisites: [{ ...result.prerequisites[0], status: 'neutral' }] })).toBe(false);
  });
});

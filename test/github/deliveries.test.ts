import { describe, expect, it } from 'vitest';
import { oncePerDelivery } from '../../src/github/app.js';
import { attachedBudget } from '../../src/github/event-budget.js';
import { DeliveryLog } from '../../src/github/deliveries.js';

describe('DeliveryLog', () => {
  it('says a delivery id was seen the second time', () => {
    const log = new DeliveryLog(3);
    expect(log.seen('a')).toBe(false);
    expect(log.seen('a')).toBe(true);
  });
  it('forgets the least recently seen beyond its capacity', () => {
    const log = new DeliveryLog(2);
    log.seen('a');
    log.seen('b');
    log.seen('a'); // a is fresh again
    log.seen('c'); // drops b
    expect(log.size).toBe(2);
    expect(log.seen('a')).toBe(true);
    expect(log.seen('b')).toBe(false);
  });
  it('refuses a bad capacity', () => {
    expect(() => new DeliveryLog(0)).toThrow(RangeError);
  });
});

describe('oncePerDelivery', () => {
  const context = (id: string) => ({ id, name: 'issue_comment', log: { info: () => {} } });

  it('ignores a replay of a delivery that ran', async () => {
    let runs = 0;
    const once = oncePerDelivery(new DeliveryLog());
    const handler = once(async () => void (runs += 1));
    await handler(context('d-1'));
    await handler(context('d-1'));
    expect(runs).toBe(1);
  });

  it('gives each delivery\'s Octokit the per-event budget it was configured with', async () => {
    const limits = { maxContentRequests: 3, maxBlobBytes: 1024 };
    const octokit = {};
    const once = oncePerDelivery(new DeliveryLog(), limits);
    await once(async () => {})({ ...context('d-3'), octokit });
    expect(attachedBudget(octokit)?.limits).toEqual(limits);
    const other = {};
    await oncePerDelivery(new DeliveryLog())(async () => {})({ ...context('d-4'), octokit: other });
    expect(attachedBudget(other)?.limits).toEqual({ maxContentRequests: 1_000, maxBlobBytes: 512 * 1024 * 1024 });
  });

  it('runs a redelivery of a delivery that failed (GitHub\'s "Redeliver" after an outage)', async () => {
    let runs = 0;
    const once = oncePerDelivery(new DeliveryLog());
    const handler = once(async () => {
      runs += 1;
      if (runs === 1) throw new Error('GitHub answered 503');
    });
    await expect(handler(context('d-2'))).rejects.toThrow('503');
    await handler(context('d-2'));
    await handler(context('d-2'));
    expect(runs).toBe(2);
  });
});

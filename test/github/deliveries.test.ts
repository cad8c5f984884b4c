import { describe, expect, it } from 'vitest';
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

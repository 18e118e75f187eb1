import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RECORD_KEY_TAG, recordKey } from '../shared/domain/statistics/perturbation';
import { recordKeyOf } from './recordKey';

describe('record keys', () => {
  it('the backend (node:crypto) and the pure reference derive the same record keys (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string(), (secret, id) => {
        expect(recordKeyOf(secret, id)).toBe(recordKey(secret, id));
      }),
      { numRuns: 300 },
    );
    const digest = createHmac('sha256', 's').update(`${RECORD_KEY_TAG}p1`).digest();
    expect(recordKey('s', 'p1')).toBe(digest.readUInt32BE(0));
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nextPostalState, POSTAL_ORDER_STATES, TRACKING_STATES } from './postal-states.js';

describe('postal order states', () => {
  it('moves forward only, and never out of a final state (every pair)', () => {
    const expected: Record<string, Record<string, string | undefined>> = {
      created: {
        accepted: 'accepted',
        in_transit: 'in_transit',
        delivered: 'delivered',
        returned_to_sender: 'returned_to_sender',
      },
      accepted: {
        in_transit: 'in_transit',
        delivered: 'delivered',
        returned_to_sender: 'returned_to_sender',
      },
      in_transit: { delivered: 'delivered', returned_to_sender: 'returned_to_sender' },
      delivered: {},
      returned_to_sender: {},
      cancelled: {},
      failed: {},
    };
    for (const from of POSTAL_ORDER_STATES) {
      for (const event of TRACKING_STATES) {
        assert.equal(nextPostalState(from, event), expected[from]?.[event], `${from} + ${event}`);
      }
    }
  });
});

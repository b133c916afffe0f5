import { describe, expect, it } from 'vitest';
import { fillFromPin } from './pin-fill';
import { emptyValues } from './registration-form';

const base = { ...emptyValues({ kind: 'none', value: '' }), pincode: '110053' };
const NE = { district: 'North East', state: 'Delhi' };

describe('filling district and state from the PIN', () => {
  it('fills both when the PIN names one place', () => {
    expect(fillFromPin(base, { pincode: '110053', known: true, places: [NE] }, { district: '', state: '' }).values).toMatchObject(
      NE,
    );
  });

  it('fills only the state when the PIN spans districts of one state, and nothing for an unknown PIN', () => {
    const two = { pincode: '110053', known: true, places: [NE, { district: 'East', state: 'Delhi' }] };
    expect(fillFromPin(base, two, { district: '', state: '' }).values).toMatchObject({ district: '', state: 'Delhi' });
    expect(fillFromPin(base, { pincode: '110053', known: false, places: [] }, { district: '', state: '' }).values).toEqual(base);
  });

  it('never overwrites what the clerk typed, but replaces its own earlier fill', () => {
    const typed = { ...base, district: 'Shahdara' };
    expect(
      fillFromPin(typed, { pincode: '110053', known: true, places: [NE] }, { district: '', state: '' }).values.district,
    ).toBe('Shahdara');
    const filled = { ...base, pincode: '226001', district: 'North East', state: 'Delhi' };
    const lucknow = { pincode: '226001', known: true, places: [{ district: 'Lucknow', state: 'Uttar Pradesh' }] };
    expect(fillFromPin(filled, lucknow, NE).values).toMatchObject({ district: 'Lucknow', state: 'Uttar Pradesh' });
  });

  it('ignores an answer for a PIN no longer in the box', () => {
    expect(
      fillFromPin({ ...base, pincode: '11005' }, { pincode: '110053', known: true, places: [NE] }, { district: '', state: '' })
        .values.district,
    ).toBe('');
  });
});

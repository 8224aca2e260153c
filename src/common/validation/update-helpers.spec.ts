import { changes, refuseNulls } from './update-helpers';

describe('changes', () => {
  it('keeps only the fields that moved, comparing nested values by content', () => {
    const before = { name: 'A', boundary: { type: 'Polygon', coordinates: [[1, 2]] }, householdCount: 3 };
    const after = { name: 'A', boundary: { type: 'Polygon', coordinates: [[1, 2]] }, householdCount: 4 };
    expect(changes(before, after)).toEqual({ before: { householdCount: 3 }, after: { householdCount: 4 }, changed: true });
    expect(changes(before, { ...before }).changed).toBe(false);
  });
});

describe('refuseNulls', () => {
  it('names the fields set to null that may not be cleared', () => {
    expect(refuseNulls({ name: null, variety: null, crop: undefined, householdCount: 2 }, ['variety'])).toEqual([
      { field: 'name', message: { vi: 'name không được để trống (null)', en: 'name cannot be null' } },
    ]);
  });
});

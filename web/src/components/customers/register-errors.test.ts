import { describe, expect, it } from 'vitest';
import { familyPhoneRow } from './register-errors';

describe('familyPhoneRow (O1: a family member phone refused by the server)', () => {
  it('names the family row of a family phone path, with or without the input prefix', () => {
    expect(familyPhoneRow('family.0.phone')).toBe(0);
    expect(familyPhoneRow('input.family.2.phone')).toBe(2);
  });
  it('leaves the customer own phone and other fields alone', () => {
    expect(familyPhoneRow('phone')).toBeNull();
    expect(familyPhoneRow('input.phone')).toBeNull();
    expect(familyPhoneRow('family.0.name')).toBeNull();
    expect(familyPhoneRow(undefined)).toBeNull();
  });
});

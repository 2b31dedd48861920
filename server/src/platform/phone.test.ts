import { describe, expect, it } from 'vitest';
import { maskPhone, normalizePhone, parsePhone, parseWithLibrary } from './phone.js';

describe('parsePhone', () => {
  it('O5/O9 phone rule: a mainland mobile with spaces, dashes, +86 or 0086 is one key, the 11 digits', () => {
    for (const typed of ['13812345678', '138 1234 5678', '138-1234-5678', '+86 138-1234-5678', '+8613812345678', '0086 13812345678', '(138) 1234.5678']) {
      expect(parsePhone(typed), typed).toEqual({ ok: true, key: '13812345678' });
    }
  });

  it('Phone rule: the quick path for mainland mobiles gives the library\'s own key', () => {
    for (const typed of ['13812345678', '+86 138-1234-5678', '0086 19912345678', '86 177 0000 1111', '(150) 0000-1234']) {
      expect(parsePhone(typed), typed).toEqual(parseWithLibrary(typed));
    }
  });

  it('O5/O9 phone rule: a landline keeps its 0 area code, however typed', () => {
    for (const typed of ['0571-8888 6666', '057188886666', '(0571)88886666', '+86 571 8888 6666', '0086-571-88886666']) {
      expect(parsePhone(typed), typed).toEqual({ ok: true, key: '057188886666' });
    }
    expect(parsePhone('010-12345678')).toEqual({ ok: true, key: '01012345678' });
  });

  it('O5/O9 phone rule: a foreign number is kept in E.164', () => {
    expect(parsePhone('+49 1512 3456789')).toEqual({ ok: true, key: '+4915123456789' });
    expect(parsePhone('0049 1512 3456789')).toEqual({ ok: true, key: '+4915123456789' });
    expect(parsePhone('+1 (202) 555-0143')).toEqual({ ok: true, key: '+12025550143' });
  });

  it('O5/O9 phone rule: letters and other characters are refused, not stripped', () => {
    for (const typed of ['1381234567O', 'tel 13812345678', '138*1234*5678', '13812345678#', '138_1234_5678', '1+3812345678']) {
      expect(parsePhone(typed), typed).toEqual({ ok: false, reason: 'BAD_CHARACTERS' });
    }
  });

  it('O5/O9 phone rule: too short, too long or not a mainland mobile is refused', () => {
    for (const typed of ['12345', '1381234567', '138123456789', '12345678901', '11012345678', '+49 12']) {
      expect(parsePhone(typed), typed).toEqual({ ok: false, reason: 'INVALID' });
    }
  });

  it('O5/O9 phone rule: nothing typed is EMPTY, and normalizePhone gives null for every refusal', () => {
    expect(parsePhone('  ')).toEqual({ ok: false, reason: 'EMPTY' });
    expect(parsePhone(null)).toEqual({ ok: false, reason: 'EMPTY' });
    expect(normalizePhone('1381234567O')).toBeNull();
    expect(normalizePhone('+86 138-1234-5678')).toBe('13812345678');
  });

  it('O9: masking is unchanged', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('+4915123456789')).toBe('491******6789');
    expect(maskPhone('12345')).toBe('*****');
    expect(maskPhone(null)).toBeNull();
  });
});

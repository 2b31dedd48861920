// Phone numbers as the register compares and shows them (O5, O6, O9, R7, R9).
// ONE module for the server and the web (the web imports it as `@phone`): the desk, the
// register, the import, the guest list and the API accept exactly the same numbers (issue 13).
// No relative imports here: the web's bundler resolves this file from outside its own tree.
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

/** Why a typed number is refused; the web shows each in the user's language. */
export type PhoneRefusal = 'EMPTY' | 'BAD_CHARACTERS' | 'INVALID';

export type ParsedPhone = { ok: true; key: string } | { ok: false; reason: PhoneRefusal };

/** The `reason` of a BAD_USER_INPUT error about a phone number. */
export const BAD_PHONE = 'BAD_PHONE';

/** The message of that error, and of the import's row error (English; the web renders its own). */
export const PHONE_RULE_MESSAGE =
  'Not a phone number: use digits only (spaces, dashes and a leading + are fine); a mainland mobile has 11 digits starting 13–19, a landline its area code';

// Digits and the separators people type; a + only in front. Letters and anything else are
// refused instead of silently dropped (a "1381234567O" is a typo, not a number).
const TYPED = /^\+?[\d\s\-.()（）]+$/;
const SEPARATORS = /[\s\-.()（）]/g;
const MOBILE = /^(?:\+86|0086|86)?(1[3-9]\d{9})$/;

/**
 * The number as the register keys it, or why it is refused. Mainland numbers keep the key they
 * always had (existing rows and the unique key on the normalized phone must keep matching):
 * mobiles as 11 digits without +86 ("13812345678"), landlines with their 0 area code
 * ("057188886666"). Other countries' numbers are stored in E.164 ("+4915123456789").
 * "+86 138-1234-5678", "0086 13812345678" and "138 1234 5678" are one number.
 */
export function parsePhone(raw: string | null | undefined): ParsedPhone {
  const typed = (raw ?? '').trim();
  if (!typed) return { ok: false, reason: 'EMPTY' };
  if (!TYPED.test(typed)) return { ok: false, reason: 'BAD_CHARACTERS' };
  // Most numbers are mainland mobiles: keyed without the library, which costs ~50 µs a number
  // (an import checks up to 20,000 rows). The unit tests hold this to the library's answer.
  const mobile = MOBILE.exec(typed.replace(SEPARATORS, ''));
  if (mobile) return { ok: true, key: mobile[1]! };
  return parseWithLibrary(typed);
}

/** The library's reading of a number already made only of digits and separators. */
export function parseWithLibrary(typed: string): ParsedPhone {
  const parsed = parsePhoneNumberFromString(typed, 'CN');
  if (!parsed?.isValid()) return { ok: false, reason: 'INVALID' };
  if (parsed.countryCallingCode !== '86') return { ok: true, key: parsed.number };
  const national = parsed.nationalNumber;
  // The small metadata knows lengths, not number types: a mainland mobile is 11 digits starting
  // 13–19 (numbers starting 10 are Beijing landlines).
  if (/^1[1-9]/.test(national) && !isMobile(national)) return { ok: false, reason: 'INVALID' };
  // The national form carries the 0 of area codes and none on 400/800 numbers or mobiles.
  return { ok: true, key: parsed.formatNational().replace(/\D/g, '') };
}

/**
 * A free-text contact (a guest's) that is meant as a phone number: it starts like one (a digit,
 * + or a parenthesis) and is not an e-mail address ("123456@qq.com"). Such a contact follows the
 * phone rule; a WeChat id or an e-mail address is kept as typed.
 */
export const looksLikePhone = (contact: string) => /^[\d+(（]/.test(contact.trim()) && !contact.includes('@');

/** The register's key of a number, or null when it is not one (see parsePhone). */
export function normalizePhone(phone: string | null | undefined): string | null {
  const parsed = parsePhone(phone);
  return parsed.ok ? parsed.key : null;
}

/** A mainland mobile number (11 digits starting 13–19). */
export const isMobile = (normalized: string) => /^1[3-9]\d{9}$/.test(normalized);

/** O9: a phone number as people who do not own the customer see it: 138****5678. */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 7) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
}

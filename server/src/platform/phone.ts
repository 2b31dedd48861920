// Phone numbers as the register compares and shows them (O5, O6, O9, R7, R9).

/**
 * Digits only, without the Chinese country code: "+86 138-1234-5678", "0086 13812345678"
 * and "138 1234 5678" are one number. Landlines keep their area code ("0571-8888 6666").
 */
export function normalizePhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  let digits = phone.replace(/\D/g, '');
  if (digits.startsWith('0086')) digits = digits.slice(4);
  else if (digits.length === 13 && digits.startsWith('861')) digits = digits.slice(2);
  return digits.length >= 5 ? digits : null;
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

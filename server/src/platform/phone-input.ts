// The server's side of the one phone rule (issue 13): a typed number becomes the register's
// key, or a BAD_USER_INPUT naming the field, before anything is written.
import { badInput } from './errors.js';
import { BAD_PHONE, looksLikePhone, parsePhone, PHONE_RULE_MESSAGE } from './phone.js';

/** O1: a phone number is required and must follow the phone rule. */
export function requirePhone(raw: string | null | undefined, field = 'phone'): string {
  const parsed = parsePhone(raw);
  if (parsed.ok) return parsed.key;
  if (parsed.reason === 'EMPTY') throw badInput(field, 'A phone number is required (O1)');
  throw badInput(field, PHONE_RULE_MESSAGE, { reason: BAD_PHONE, refusal: parsed.reason });
}

/** A phone number that may be left out; when typed it follows the phone rule. */
export function optionalPhone(raw: string | null | undefined, field = 'phone'): string | null {
  return raw?.trim() ? requirePhone(raw, field) : null;
}

/** A guest's contact: a phone number is checked and keyed like the register's; anything else kept. */
export function guestContact(raw: string, field: string): string {
  const typed = raw.trim();
  return typed && looksLikePhone(typed) ? requirePhone(typed, field) : typed;
}

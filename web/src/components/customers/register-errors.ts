/**
 * The family row a server error is about: the register names a family member's phone by its
 * path (`family.1.phone`, maybe under `input.`), which must not land on the customer's own phone.
 */
export function familyPhoneRow(field: string | undefined): number | null {
  const m = /(?:^|\.)family\.(\d+)\.phone$/.exec(field ?? '');
  return m ? Number(m[1]) : null;
}

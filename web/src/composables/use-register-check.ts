import { onScopeDispose, ref, shallowRef, watch, type Ref } from 'vue';
import { GraphQLRequestError, useClient } from '@/composables/use-client';
import { phoneKey } from '@/composables/use-phone-rule';
import {
  RegisterCheckDocument,
  type RegisterCheckQuery,
  type RegisterMatch,
} from '@/graphql/generated/graphql';

// The register form's live duplicate check (O5, O6): while the consultant types, ask the
// server who this name and phone already are, and say so before anything is saved.

/**
 * What to ask the server for, or null until the phone is a whole number by the register's rule
 * (the same function as the server's, issue 13): the register is keyed by that number.
 */
export function checkQuery(name: string, phone: string): { name: string; phone: string } | null {
  const key = phoneKey(phone);
  return key ? { name: name.trim(), phone: key } : null;
}

export type CheckTone = 'success' | 'info' | 'warning' | 'error';

export interface CheckVerdict {
  match: RegisterMatch;
  tone: CheckTone;
  /** i18n key under customers.check */
  key: string;
  /** O6: offer "this is immediate family (parent / spouse)". */
  askRelation: boolean;
}

/**
 * How the form states a check's answer. Without a name yet, a number already in the
 * register is only "this number is taken", not yet a conflict.
 */
export function verdict(match: RegisterMatch, name: string): CheckVerdict {
  const blankName = !name.trim();
  switch (match) {
    case 'NEW':
      return { match, tone: 'success', key: 'new', askRelation: false };
    case 'SAME':
      return { match, tone: 'warning', key: 'same', askRelation: false };
    case 'FAMILY':
      return { match, tone: 'info', key: 'family', askRelation: false };
    case 'PHONE_CONFLICT':
      return blankName
        ? { match, tone: 'warning', key: 'phoneTaken', askRelation: false }
        : { match, tone: 'error', key: 'phoneConflict', askRelation: true };
    case 'SAME_NAME':
      return { match, tone: 'info', key: 'sameName', askRelation: false };
  }
}

export type CheckResult = RegisterCheckQuery['registerCheck'];

/**
 * Runs the check `delayMs` after the last keystroke; an answer to an older question is
 * dropped, so the panel always describes what is in the form now.
 */
export function useRegisterCheck(
  siteId: Readonly<Ref<string | null>>,
  name: Readonly<Ref<string>>,
  phone: Readonly<Ref<string>>,
  delayMs = 300,
) {
  const client = useClient();
  const result = shallowRef<CheckResult | null>(null);
  /** The name the result was asked with (the verdict depends on it). */
  const checkedName = ref('');
  const checking = ref(false);
  const error = shallowRef<GraphQLRequestError | null>(null);
  let timer: ReturnType<typeof setTimeout> | null = null;
  let latest = 0;

  async function run(): Promise<void> {
    timer = null;
    const mine = ++latest;
    const q = checkQuery(name.value, phone.value);
    if (!q || !siteId.value) {
      result.value = null;
      checking.value = false;
      return;
    }
    checking.value = true;
    error.value = null;
    try {
      const { registerCheck } = await client.request(RegisterCheckDocument, {
        siteId: siteId.value,
        ...q,
      });
      if (mine === latest) {
        result.value = registerCheck;
        checkedName.value = q.name;
      }
    } catch (err) {
      if (mine === latest) {
        result.value = null;
        error.value = err instanceof GraphQLRequestError ? err : new GraphQLRequestError([]);
      }
    } finally {
      if (mine === latest) checking.value = false;
    }
  }

  function schedule() {
    if (timer) clearTimeout(timer);
    latest++; // whatever is in flight now answers an older question
    if (!checkQuery(name.value, phone.value)) {
      result.value = null;
      checking.value = false;
      error.value = null;
      return;
    }
    checking.value = true;
    timer = setTimeout(() => void run(), delayMs);
  }

  /** Checks at once (before saving); resolves when the answer is in. */
  async function now(): Promise<void> {
    if (timer) clearTimeout(timer);
    await run();
  }

  function clear() {
    if (timer) clearTimeout(timer);
    latest++;
    result.value = null;
    checking.value = false;
    error.value = null;
  }

  watch([siteId, name, phone], schedule);
  onScopeDispose(() => {
    if (timer) clearTimeout(timer);
  });
  return { result, checkedName, checking, error, now, clear };
}

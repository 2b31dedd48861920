import { ElMessage, ElMessageBox } from 'element-plus';
import { ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { GraphQLRequestError, type Document } from './use-client';
import { useErrorMessage } from './use-errors';
import { useFloorStore, type FloorChange } from '@/stores/floor';

/**
 * Runs floor actions for a page: an action ends once the board shows it (floor store), the
 * result shows as a message, and a refusal says why in the current language: the domain
 * reason (NON_BUYER_WINDOW_PASSED…) when there is one, else the error code's sentence.
 */
export function useFloorAction() {
  const { t, te } = useI18n();
  const floor = useFloorStore();
  const describeError = useErrorMessage();
  const busy = ref<string | null>(null);

  function describe(err: unknown): string {
    const reason = err instanceof GraphQLRequestError ? err.reason : undefined;
    if (reason && te(`floor.errors.${reason}`)) return t(`floor.errors.${reason}`);
    return describeError(err);
  }

  /**
   * `key` names the action while it runs (for a button's loading state); `done` is the
   * success message, from the change. Returns the change, or null when it was refused.
   */
  async function act<TResult, TVariables>(
    key: string,
    document: Document<TResult, TVariables>,
    variables: TVariables,
    done?: (change: FloorChange) => string,
  ): Promise<FloorChange | null> {
    busy.value = key;
    try {
      const change = await floor.run(document, variables);
      if (done) ElMessage.success(done(change));
      return change;
    } catch (err) {
      ElMessage.error(describe(err));
      return null;
    } finally {
      busy.value = null;
    }
  }

  /** Asks for the reason a manager's change needs (R15); null when cancelled. */
  async function askReason(title: string, optional = false): Promise<string | null> {
    try {
      const { value } = await ElMessageBox.prompt(t('floor.reasonPrompt'), title, {
        confirmButtonText: t('common.confirm'),
        cancelButtonText: t('common.cancel'),
        inputPlaceholder: t('floor.reasonPlaceholder'),
        inputValidator: (v: string) =>
          optional || (v ?? '').trim().length > 0 ? true : t('floor.reasonRequired'),
      });
      return (value ?? '').trim();
    } catch {
      return null;
    }
  }

  return { act, askReason, describe, busy };
}

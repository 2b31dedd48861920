import { ElMessageBox } from 'element-plus';
import { useI18n } from 'vue-i18n';

/**
 * Asks before a change that is hard to take back; true when the user confirms.
 * `danger` colours the confirm button red (delete, disable, archive); the box is titled
 * "warning" unless `title` says otherwise.
 */
export function useConfirm() {
  const { t } = useI18n();
  return async function confirm(
    message: string,
    confirmText: string,
    { danger = false, title }: { danger?: boolean; title?: string } = {},
  ): Promise<boolean> {
    try {
      await ElMessageBox.confirm(message, title ?? t('common.warning'), {
        type: 'warning',
        confirmButtonText: confirmText,
        cancelButtonText: t('common.cancel'),
        confirmButtonClass: danger ? 'el-button--danger' : '',
      });
      return true;
    } catch {
      return false;
    }
  };
}

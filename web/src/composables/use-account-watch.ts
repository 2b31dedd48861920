import { ElMessage } from 'element-plus';
import { onScopeDispose } from 'vue';
import { useI18n } from 'vue-i18n';
import { AccountChangedDocument } from '@/graphql/generated/graphql';
import { useSessionStore } from '@/stores/session';
import { useClient } from './use-client';

/**
 * While the signed-in layout is open: follow `accountChanged` (an administrator changed or
 * disabled this account) and re-read the user after every reconnect, since changes may
 * have been missed while the socket was down.
 */
export function useAccountWatch() {
  const client = useClient();
  const session = useSessionStore();
  const { t } = useI18n();

  const stop = client.subscribe(
    AccountChangedDocument,
    {},
    {
      next: ({ accountChanged }) => {
        if (accountChanged.signedOut) {
          session.end('ended');
          return;
        }
        session.setUser(accountChanged.user);
        ElMessage.info(t('session.accountUpdated'));
      },
    },
  );
  const off = client.onReconnected(() => {
    session.refreshUser().catch(() => undefined);
  });
  onScopeDispose(() => {
    stop();
    off();
  });
}

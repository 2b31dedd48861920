import { onScopeDispose, ref, watch } from 'vue';
import { CustomerDisputesLiveDocument } from '@/graphql/generated/graphql';
import { useClient } from './use-client';
import { usePermissions } from './use-permissions';

/**
 * The site's open ownership disputes (O5, O6, disputed deals), live. Only managers and
 * administrators may see them; for anyone else (a wall screen signed in as the desk) it
 * stays 0 and nothing is subscribed.
 */
export function useDisputes(siteId: () => string | null | undefined) {
  const client = useClient();
  const { can } = usePermissions();
  const open = ref(0);
  let release: (() => void) | null = null;
  watch(
    siteId,
    (id) => {
      release?.();
      release = null;
      open.value = 0;
      if (!id || !can(['MANAGER', 'ADMIN'])) return;
      // The subscription sends the current count first, also after each reconnect.
      release = client.subscribe(
        CustomerDisputesLiveDocument,
        { siteId: id },
        {
          next: (data) => {
            if (data.customerDisputes.siteId === id) open.value = data.customerDisputes.open;
          },
        },
      );
    },
    { immediate: true },
  );
  onScopeDispose(() => release?.());
  return open;
}

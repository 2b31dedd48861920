import { ref, shallowRef, watch, type Ref } from 'vue';
import { GraphQLRequestError, useClient, type Document } from './use-client';
import type { QueryState } from './use-query';

/**
 * `useQuery` for a page that works on one chosen site: waits until a site is chosen, runs
 * again when it changes (dropping the other site's data at once, so nothing of it can be
 * shown or edited), and drops an answer that arrives after a newer request.
 */
export function useSiteQuery<TResult, TVariables>(
  document: Document<TResult, TVariables>,
  siteId: Readonly<Ref<string | null>>,
  variables: (siteId: string) => TVariables,
): QueryState<TResult> {
  const client = useClient();
  const data = shallowRef<TResult | null>(null);
  const loading = ref(false);
  const error = shallowRef<GraphQLRequestError | null>(null);
  let latest = 0;

  async function refetch(): Promise<void> {
    const mine = ++latest;
    const id = siteId.value;
    if (!id) {
      loading.value = false;
      return;
    }
    loading.value = true;
    error.value = null;
    try {
      const result = await (
        client.request as (d: typeof document, v: TVariables) => Promise<TResult>
      )(document, variables(id));
      if (mine === latest) data.value = result;
    } catch (err) {
      if (mine === latest) {
        error.value = err instanceof GraphQLRequestError ? err : new GraphQLRequestError([]);
      }
    } finally {
      if (mine === latest) loading.value = false;
    }
  }

  watch(
    siteId,
    () => {
      data.value = null;
      void refetch();
    },
    { immediate: true },
  );
  return { data, loading, error, refetch };
}

import { onScopeDispose, ref, shallowRef, type Ref, type ShallowRef } from 'vue';
import { GraphQLRequestError, useClient, type Document } from './use-client';

export interface QueryState<TResult> {
  data: ShallowRef<TResult | null>;
  loading: Ref<boolean>;
  error: ShallowRef<GraphQLRequestError | null>;
  refetch(): Promise<void>;
}

export interface QueryOptions {
  /** Refetch whenever the live connection comes back (views that must never show stale data). */
  refetchOnReconnect?: boolean;
}

/**
 * Runs a query now and on `refetch()`, with loading and error state for the page's
 * loading / empty / error views. An answer that arrives after a newer request is dropped.
 */
export function useQuery<TResult, TVariables>(
  document: Document<TResult, TVariables>,
  variables?: () => TVariables,
  options: QueryOptions = {},
): QueryState<TResult> {
  const client = useClient();
  const data = shallowRef<TResult | null>(null);
  const loading = ref(false);
  const error = shallowRef<GraphQLRequestError | null>(null);
  let latest = 0;

  async function refetch(): Promise<void> {
    const mine = ++latest;
    loading.value = true;
    error.value = null;
    try {
      const result = await (
        client.request as (d: typeof document, v?: TVariables) => Promise<TResult>
      )(document, variables?.());
      if (mine === latest) data.value = result;
    } catch (err) {
      if (mine === latest) {
        error.value = err instanceof GraphQLRequestError ? err : new GraphQLRequestError([]);
      }
    } finally {
      if (mine === latest) loading.value = false;
    }
  }

  if (options.refetchOnReconnect) {
    const off = client.onReconnected(() => void refetch());
    onScopeDispose(off);
  }
  void refetch();
  return { data, loading, error, refetch };
}

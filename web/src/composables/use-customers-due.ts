import { shallowRef, watch } from 'vue';
import { CustomersByIdsDocument, type CustomersByIdsQuery } from '@/graphql/generated/graphql';
import { useClient } from './use-client';

export type CustomerDue = NonNullable<CustomersByIdsQuery['customersByIds'][number]>['followUpDue'];

/** The server answers at most this many customers at once. */
const MAX_IDS = 50;

/**
 * Issue 13 (O3): the follow-up-due standing of the customers behind some receptions (the
 * consultant's phone cards are receptions, not register rows), read from their records.
 * Asked again only when the set of customers changes, not on every board update. A failed
 * read shows no badge: the cards work without it.
 */
export function useCustomersDue(
  siteId: () => string | null | undefined,
  customerIds: () => Array<string | null | undefined>,
) {
  const client = useClient();
  const standing = shallowRef(new Map<string, CustomerDue>());
  let latest = 0;

  const ask = () => {
    const site = siteId();
    const ids = [...new Set(customerIds().filter((id): id is string => !!id))]
      .sort()
      .slice(0, MAX_IDS);
    return site && ids.length ? JSON.stringify([site, ids]) : '';
  };

  async function read(asked: string) {
    const mine = ++latest;
    if (!asked) {
      standing.value = new Map();
      return;
    }
    const [site, ids] = JSON.parse(asked) as [string, string[]];
    try {
      const { customersByIds } = await client.request(CustomersByIdsDocument, {
        siteId: site,
        ids,
      });
      if (mine !== latest) return;
      // One answer per id asked, in order (null: not of this site).
      standing.value = new Map(ids.map((id, i) => [id, customersByIds[i]?.followUpDue ?? null]));
    } catch {
      if (mine === latest) standing.value = new Map();
    }
  }

  watch(ask, (asked) => void read(asked), { immediate: true });
  return {
    dueOf: (customerId: string | null | undefined): CustomerDue =>
      (customerId && standing.value.get(customerId)) || null,
    refetch: () => read(ask()),
  };
}

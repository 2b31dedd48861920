import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { effectScope, nextTick, ref } from 'vue';
import { fakeClient } from './fake-client';
import { installClient } from './use-client';
import { useCustomersDue } from './use-customers-due';

// Issue 13 (O3): the cards of the consultant's phone page are receptions; their badge comes
// from the customers' records, asked once per set of customers.
const DUE = { state: 'DUE', inDays: 2, lapsesAt: '2026-12-08T16:00:00Z' } as const;

function setUp(ids: Array<string | null>) {
  const fake = fakeClient({
    CustomersByIds: (v) => ({
      customersByIds: (v as { ids: string[] }).ids.map((id) =>
        id === '404' ? null : { id, followUpDue: id === '7' ? DUE : null },
      ),
    }),
  });
  installClient(fake.client);
  const customerIds = ref(ids);
  const scope = effectScope();
  const due = scope.run(() =>
    useCustomersDue(
      () => '1',
      () => customerIds.value,
    ),
  )!;
  return { fake, customerIds, due, scope };
}

describe('useCustomersDue (O3 badge on reception cards)', () => {
  afterEach(() => installClient(undefined));

  it("O3: the badge of each card's customer comes from the record; cards without a customer ask nothing", async () => {
    const { fake, due, scope } = setUp(['9', null, '7', '404']);
    await flushPromises();
    expect(fake.calls).toEqual([
      { operation: 'CustomersByIds', variables: { siteId: '1', ids: ['404', '7', '9'] } },
    ]);
    expect(due.dueOf('7')).toEqual(DUE);
    expect(due.dueOf('9')).toBeNull();
    expect(due.dueOf('404')).toBeNull();
    expect(due.dueOf(null)).toBeNull();
    scope.stop();
  });

  it('O3: a board update with the same customers asks nothing again; a new customer asks again', async () => {
    const { fake, customerIds, due, scope } = setUp(['7']);
    await flushPromises();
    customerIds.value = ['7', null];
    await nextTick();
    await flushPromises();
    expect(fake.calls).toHaveLength(1);
    customerIds.value = ['7', '12'];
    await flushPromises();
    expect(fake.calls.map((c) => c.variables)).toEqual([
      { siteId: '1', ids: ['7'] },
      { siteId: '1', ids: ['12', '7'] },
    ]);
    expect(due.dueOf('7')).toEqual(DUE);
    customerIds.value = [null];
    await flushPromises();
    expect(fake.calls).toHaveLength(2);
    expect(due.dueOf('7')).toBeNull();
    scope.stop();
  });
});

import { effectScope, nextTick, ref } from 'vue';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeClient } from './fake-client';
import { installClient } from './use-client';
import { checkQuery, useRegisterCheck, verdict } from './use-register-check';

describe('register check', () => {
  it('Phone rule: asks with the register key, without separators or the +86 country code', () => {
    expect(checkQuery('张三', '+86 138-0000-1234')).toEqual({ name: '张三', phone: '13800001234' });
    expect(checkQuery('张三', '0086 13800001234')).toEqual({ name: '张三', phone: '13800001234' });
    expect(checkQuery('张三', '0571-8888 6666')).toEqual({ name: '张三', phone: '057188886666' });
  });

  it('Phone rule: asks only once the phone is a whole number, never with letters in it', () => {
    expect(checkQuery('张三', '138')).toBeNull();
    expect(checkQuery('张三', '1380000123O')).toBeNull();
    expect(checkQuery(' 张三 ', '138 0000 1234')).toEqual({ name: '张三', phone: '13800001234' });
  });

  it('O6: same phone, different name offers the immediate-family choice', () => {
    expect(verdict('PHONE_CONFLICT', '李四')).toMatchObject({ tone: 'error', askRelation: true });
    // Without a name yet it is only "this number is taken".
    expect(verdict('PHONE_CONFLICT', '')).toMatchObject({ key: 'phoneTaken', askRelation: false });
  });

  it('O5: same name, different phone is another person, stated as information', () => {
    expect(verdict('SAME_NAME', '张三')).toMatchObject({ tone: 'info', askRelation: false });
    expect(verdict('NEW', '张三').tone).toBe('success');
    expect(verdict('SAME', '张三').tone).toBe('warning');
  });

  describe('live', () => {
    beforeEach(() => vi.useFakeTimers());
    afterEach(() => vi.useRealTimers());

    it('asks once after typing stops, and drops an answer to an older question', async () => {
      const answers: Array<(v: unknown) => void> = [];
      const fake = fakeClient({
        RegisterCheck: () => new Promise((resolve) => answers.push(resolve)),
      });
      installClient(fake.client);
      const name = ref('张三');
      const phone = ref('');
      const scope = effectScope();
      const check = scope.run(() => useRegisterCheck(ref('1'), name, phone, 300))!;

      for (const p of ['1380000', '13800001', '138000012', '13800001234']) {
        phone.value = p;
        await nextTick();
        vi.advanceTimersByTime(100);
      }
      expect(fake.calls).toHaveLength(0);
      vi.advanceTimersByTime(300);
      expect(fake.calls).toEqual([
        {
          operation: 'RegisterCheck',
          variables: { siteId: '1', name: '张三', phone: '13800001234' },
        },
      ]);
      expect(check.checking.value).toBe(true);

      // The user changes the name while the answer is on its way: that answer is stale.
      name.value = '李四';
      await nextTick();
      answers[0]({ registerCheck: { match: 'SAME', customers: [] } });
      await Promise.resolve();
      await Promise.resolve();
      expect(check.result.value).toBeNull();

      vi.advanceTimersByTime(300);
      answers[1]({ registerCheck: { match: 'PHONE_CONFLICT', customers: [] } });
      await vi.waitFor(() => expect(check.result.value?.match).toBe('PHONE_CONFLICT'));
      expect(check.checkedName.value).toBe('李四');
      expect(check.checking.value).toBe(false);

      // Clearing the phone clears the answer at once.
      phone.value = '';
      await nextTick();
      expect(check.result.value).toBeNull();
      scope.stop();
    });
  });
});

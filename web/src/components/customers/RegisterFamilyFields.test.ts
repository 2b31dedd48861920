import { mount } from '@vue/test-utils';
import { ElForm } from 'element-plus';
import { describe, expect, it } from 'vitest';
import { h, nextTick } from 'vue';
import { i18n } from '@/i18n';
import RegisterFamilyFields, { type FamilyRow } from './RegisterFamilyFields.vue';

const rows: FamilyRow[] = [
  { key: 1, name: '周明', phone: '13800000001', relation: 'SPOUSE' },
  { key: 2, name: '周父', phone: '12', relation: 'PARENT' },
];

describe('RegisterFamilyFields (O1)', () => {
  it("puts the server's complaint about a family member's phone on that member's row", async () => {
    const wrapper = mount(
      () =>
        h(ElForm, { model: { family: rows } }, () =>
          h(RegisterFamilyFields, { modelValue: rows, phoneErrors: { 1: 'Not a phone number' } }),
        ),
      { global: { plugins: [i18n] } },
    );
    await nextTick();
    const families = wrapper.findAll('[data-test=family-row]');
    expect(families).toHaveLength(2);
    // The phone field of the second row is in error; the first row's is not.
    const phoneInError = '.el-form-item.is-error [data-test=family-phone]';
    expect(families[0].find(phoneInError).exists()).toBe(false);
    expect(families[1].find(phoneInError).exists()).toBe(true);
  });
});

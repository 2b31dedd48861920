import { computed, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { useSiteQuery } from './use-site-query';
import { CustomerSettingsDocument, type IntentGrade } from '@/graphql/generated/graphql';

export const GRADES: IntentGrade[] = ['A', 'B', 'C', 'D'];

export interface GradeOption {
  grade: IntentGrade;
  label: string;
  description: string;
}

/**
 * A site's intent grades (issue 13) with their wording: the site's own, or the standard
 * wording in the reader's language where the site left it blank. Also the follow-up-due window.
 */
export function useIntentGrades(siteId: Readonly<Ref<string | null>>) {
  const { t } = useI18n();
  const settings = useSiteQuery(CustomerSettingsDocument, siteId, (id) => ({ siteId: id }));
  const options = computed<GradeOption[]>(() => {
    const site = settings.data.value?.customerSettings.grades ?? [];
    return GRADES.map((grade) => {
      const own = site.find((g) => g.grade === grade);
      return {
        grade,
        label: own?.label || t(`customerGrade.defaults.${grade}.label`),
        description: own?.description || t(`customerGrade.defaults.${grade}.description`),
      };
    });
  });
  const dueDays = computed(() => settings.data.value?.customerSettings.followUpDueDays ?? null);
  const optionOf = (grade: string | null | undefined) =>
    options.value.find((o) => o.grade === grade) ?? null;
  return { settings, options, dueDays, optionOf };
}

import { computed, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { FloorConsultantsDocument, MarkAbsentDocument } from '@/graphql/generated/graphql';
import { useFloorStore, type BoardConsultant, type FloorBoard } from '@/stores/floor';
import { useSiteStore } from '@/stores/site';
import { namesFrom } from './use-explain';
import { useFloorAction } from './use-floor-action';
import { useQuery } from './use-query';

/**
 * What a page working on the current site's floor starts with (the manager's board, the
 * desk, the consultant's page): the live board, held while the page is shown, and its
 * actions; marking someone absent is the same from the desk and from the manager.
 */
export function useSiteFloor() {
  const { t } = useI18n();
  const site = useSiteStore();
  const floor = useFloorStore();
  floor.hold(() => site.currentSite?.id);
  const siteId = computed(() => site.currentSite?.id ?? '');
  const board = computed(() => floor.board);
  const actions = useFloorAction();

  async function markAbsent(c: BoardConsultant) {
    const name = c.consultant.displayName;
    const reason = await actions.askReason(t('floor.absentTitle', { name }), true);
    if (reason === null) return;
    await actions.act(
      `absent-${c.consultant.id}`,
      MarkAbsentDocument,
      { siteId: siteId.value, consultantId: c.consultant.id, reason: reason || null },
      () => t('floor.markedAbsent', { name }),
    );
  }

  return { site, floor, siteId, board, ...actions, markAbsent };
}

/** The site's consultants (for pickers) and the names the explanations read. */
export function useFloorPeople(siteId: Ref<string>, board: Ref<FloorBoard | null>) {
  const consultants = useQuery(FloorConsultantsDocument, () => ({ siteId: siteId.value }));
  const people = computed(() => consultants.data.value?.siteConsultants ?? []);
  const names = computed(() =>
    namesFrom(
      people.value,
      board.value?.consultants.map((c) => c.consultant),
    ),
  );
  return { consultants, people, names };
}

import { ref, shallowRef } from 'vue';
import type { RoomAvailabilityRow } from '@/components/appointments/rooms';
import { useClient } from '@/composables/use-client';
import { AppointmentRoomAvailabilityDocument } from '@/graphql/generated/graphql';

/** P2: which of a site's rooms are free for a time; an answer to an older question is dropped. */
export function useRoomAvailability() {
  const client = useClient();
  const rows = shallowRef<RoomAvailabilityRow[] | null>(null);
  const loading = ref(false);
  const failed = shallowRef<unknown>(null);
  let ask = 0;

  async function load(where: {
    siteId: string;
    startAt: string;
    endAt: string;
    /** The appointment being moved: its own booking does not count. */
    ignoreAppointmentId?: string;
  }) {
    const mine = ++ask;
    loading.value = true;
    failed.value = null;
    try {
      const { roomAvailability } = await client.request(AppointmentRoomAvailabilityDocument, where);
      if (mine === ask) rows.value = roomAvailability;
    } catch (err) {
      if (mine === ask) {
        rows.value = null;
        failed.value = err;
      }
    } finally {
      if (mine === ask) loading.value = false;
    }
  }
  /** Forgets the rooms (and any answer still on its way). */
  function clear() {
    ask++;
    rows.value = null;
    loading.value = false;
  }
  return { rows, loading, failed, load, clear };
}

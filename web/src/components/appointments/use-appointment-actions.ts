import { ElMessage } from 'element-plus';
import { computed, ref, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import type { ApproveValues } from '@/components/appointments/ApproveDialog.vue';
import type { OutcomeValues } from '@/components/appointments/CompleteDialog.vue';
import { actionError } from '@/components/appointments/errors';
import type { GuestValues } from '@/components/appointments/GuestsDialog.vue';
import type { RescheduleValues } from '@/components/appointments/RescheduleDialog.vue';
import { roomOptions } from '@/components/appointments/rooms';
import type { SpecialRequestValues } from '@/components/appointments/SpecialRequestDialog.vue';
import { useRoomAvailability } from '@/components/appointments/use-room-availability';
import { GraphQLRequestError, useClient } from '@/composables/use-client';
import {
  AppointmentAnswerSpecialRequestDocument,
  AppointmentApproveDocument,
  AppointmentCancelDocument,
  AppointmentCheckOutEquipmentDocument,
  AppointmentCompleteDocument,
  AppointmentRaiseSpecialRequestDocument,
  AppointmentRecordArrivalDocument,
  AppointmentRejectDocument,
  AppointmentRescheduleDocument,
  AppointmentReturnEquipmentDocument,
  AppointmentReturnRoomKeysDocument,
  AppointmentTaskDoneDocument,
  type AppointmentDetailQuery,
} from '@/graphql/generated/graphql';

type Detail = AppointmentDetailQuery['appointment'];
export type Task = Detail['tasks'][number];
export type Reservation = Detail['equipment'][number];
export type SpecialRequest = Detail['specialRequests'][number];
export type AppointmentDialog =
  | 'approve'
  | 'reject'
  | 'reschedule'
  | 'cancel'
  | 'arrival'
  | 'complete'
  | 'special'
  | 'answer'
  | 'checkOut';

/**
 * What a user does to one appointment: one dialog open at a time, each action's mutation, its
 * message and a refetch; a failure is shown in the open dialog (or as a toast) in their words.
 */
export function useAppointmentActions(
  id: () => string,
  appointment: Ref<Detail['appointment'] | null>,
  refetch: () => Promise<void>,
  dateTime: (iso: string) => string,
) {
  const { t } = useI18n();
  const client = useClient();
  const dialog = ref<AppointmentDialog | null>(null);
  const saving = ref(false);
  const dialogError = ref<string | null>(null);
  const open = (which: AppointmentDialog) => {
    dialogError.value = null;
    dialog.value = which;
  };
  /** v-bind for a dialog: open state, saving and the server's complaint. */
  const bind = (which: AppointmentDialog) => ({
    modelValue: dialog.value === which,
    'onUpdate:modelValue': (v: boolean) => {
      dialog.value = v ? which : null;
    },
    saving: saving.value,
    // The check-out dialog has no place for one: a failure there is a toast.
    ...(which === 'checkOut' ? {} : { serverError: dialogError.value }),
  });

  /** `onError` may take the error first (true: handled). */
  async function act(
    run: () => Promise<string | null>,
    onError?: (e: ReturnType<typeof actionError>) => boolean,
  ) {
    if (saving.value) return;
    saving.value = true;
    dialogError.value = null;
    try {
      const message = await run();
      dialog.value = null;
      if (message) ElMessage.success(message);
      await refetch();
    } catch (err) {
      const e = actionError(err);
      if (onError?.(e)) return;
      if (dialog.value) dialogError.value = t(e.key);
      else ElMessage.error(t(e.key));
      if (err instanceof GraphQLRequestError && ['CONFLICT', 'NOT_FOUND'].includes(err.code)) {
        void refetch();
      }
    } finally {
      saving.value = false;
    }
  }
  /** An action whose mutation needs nothing back: it says `done` when it worked. */
  const simply = (run: () => Promise<unknown>, done: () => string) =>
    void act(async () => {
      await run();
      return done();
    });

  const approve = (v: ApproveValues) =>
    simply(
      () =>
        client.request(AppointmentApproveDocument, {
          id: id(),
          input: { note: v.note, acknowledgeLate: v.acknowledgeLate, taskOwners: v.taskOwners },
        }),
      () => t('appointments.approve.done'),
    );
  const reject = (reason: string) =>
    simply(
      () => client.request(AppointmentRejectDocument, { id: id(), reason }),
      () => t('appointments.reject.done'),
    );
  const cancel = (reason: string) =>
    simply(
      () => client.request(AppointmentCancelDocument, { id: id(), reason }),
      () => t('appointments.cancel.done'),
    );

  // P3 reschedule: the rooms free at the new time (its own booking does not count).
  const rescheduleNeedsAck = ref(false);
  const rescheduleRooms = useRoomAvailability();
  function loadRescheduleRooms(startAt: string, endAt: string) {
    const a = appointment.value;
    if (a)
      void rescheduleRooms.load({ siteId: a.siteId, startAt, endAt, ignoreAppointmentId: id() });
  }
  const rescheduleRoomOptions = computed(() =>
    rescheduleRooms.rows.value && appointment.value
      ? roomOptions(
          rescheduleRooms.rows.value,
          appointment.value.headcount + appointment.value.hosts,
        )
      : null,
  );
  const rescheduleRoomsLoading = rescheduleRooms.loading;
  function openReschedule() {
    rescheduleNeedsAck.value = false;
    rescheduleRooms.clear();
    open('reschedule');
    const a = appointment.value;
    if (a) loadRescheduleRooms(a.startAt, a.endAt);
  }
  function reschedule(v: RescheduleValues) {
    void act(
      async () => {
        await client.request(AppointmentRescheduleDocument, {
          id: id(),
          input: {
            startAt: v.startAt,
            endAt: v.endAt,
            roomId: v.roomId,
            reason: v.reason,
            acknowledgeLate: v.acknowledgeLate,
          },
        });
        return t('appointments.reschedule.done', { at: dateTime(v.startAt) });
      },
      (e) => {
        // C1: the new time is short notice; the approver ticks the box and sends again.
        if (e.reason !== 'C1_LATE') return false;
        rescheduleNeedsAck.value = true;
        dialogError.value = t(e.key);
        return true;
      },
    );
  }

  function tick(task: Task, done: boolean) {
    void act(async () => {
      const { setTaskDone } = await client.request(AppointmentTaskDoneDocument, {
        id: task.id,
        done,
      });
      if (done && setTaskDone.appointment.state === 'PREPARED')
        return t('appointments.tasks.allDone');
      return done
        ? t('appointments.tasks.ticked', { label: task.label })
        : t('appointments.tasks.reopened', { label: task.label });
    });
  }

  const recordArrival = (guests: GuestValues[]) =>
    simply(
      () => client.request(AppointmentRecordArrivalDocument, { id: id(), guests }),
      () => t('appointments.arrival.done', { count: guests.length }),
    );
  const complete = (v: OutcomeValues) =>
    simply(
      () => client.request(AppointmentCompleteDocument, { id: id(), input: v }),
      () => t('appointments.complete.done'),
    );

  const checkingOut = ref<Reservation | null>(null);
  function openCheckOut(r: Reservation) {
    checkingOut.value = r;
    open('checkOut');
  }
  function checkOut(userId: string) {
    const r = checkingOut.value;
    if (!r) return;
    simply(
      () =>
        client.request(AppointmentCheckOutEquipmentDocument, {
          reservationId: r.id,
          byUserId: userId,
        }),
      () => t('appointments.equipment.checkedOut', { item: r.equipment.name }),
    );
  }
  const returnEquipment = (r: Reservation) =>
    simply(
      () => client.request(AppointmentReturnEquipmentDocument, { reservationId: r.id }),
      () => t('appointments.equipment.returnedDone', { item: r.equipment.name }),
    );
  const returnKeys = () =>
    simply(
      () => client.request(AppointmentReturnRoomKeysDocument, { appointmentId: id() }),
      () => t('appointments.keys.done'),
    );

  const raiseSpecialRequest = (v: SpecialRequestValues) =>
    simply(
      () =>
        client.request(AppointmentRaiseSpecialRequestDocument, { appointmentId: id(), input: v }),
      () => t('appointments.specialRequests.raised'),
    );
  const answering = ref<SpecialRequest | null>(null);
  function openAnswer(r: SpecialRequest) {
    answering.value = r;
    open('answer');
  }
  function answer(reply: string) {
    const r = answering.value;
    if (!r) return;
    simply(
      () => client.request(AppointmentAnswerSpecialRequestDocument, { id: r.id, reply }),
      () => t('appointments.specialRequests.answered'),
    );
  }

  return {
    saving,
    open,
    bind,
    approve,
    reject,
    cancel,
    reschedule,
    openReschedule,
    loadRescheduleRooms,
    rescheduleNeedsAck,
    rescheduleRoomOptions,
    rescheduleRoomsLoading,
    tick,
    recordArrival,
    complete,
    checkingOut,
    openCheckOut,
    checkOut,
    returnEquipment,
    returnKeys,
    raiseSpecialRequest,
    answering,
    openAnswer,
    answer,
  };
}

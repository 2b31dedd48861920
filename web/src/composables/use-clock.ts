import { onScopeDispose, readonly, shallowRef, type Ref } from 'vue';

// One ticking clock for every live view: durations on the board and the wall clock read it,
// so they move together without re-rendering anything else.
const now = shallowRef(Date.now());
let timer: ReturnType<typeof setInterval> | undefined;
let users = 0;

/** The current time in ms, updated every second while a component uses it. */
export function useNow(): Readonly<Ref<number>> {
  users += 1;
  if (!timer) {
    now.value = Date.now();
    timer = setInterval(() => (now.value = Date.now()), 1000);
  }
  onScopeDispose(() => {
    users -= 1;
    if (users === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  });
  return readonly(now);
}

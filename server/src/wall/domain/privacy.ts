// The board as a wall-screen token sees it: privacy forced on, on the server (issue 16).
// Consultants, states, the line and counts stay; customer names, register links, phone
// fragments, unit counts, typed reasons and rule parameters go.

interface ReceptionLike {
  customerName: string | null;
  customerId: number | null;
  phoneMasked: string | null;
  unitsAsked: number | null;
  explanation: unknown;
}
interface BoardLike<R extends ReceptionLike> {
  waiting: R[];
  receptions: R[];
  consultants: { busyWith: R[] }[];
  alerts: { params: unknown }[];
  events: { reason: string | null; explanation: unknown }[];
}

/** Keeps only the rule id of an explanation (its parameters may name a customer or units). */
const ruleOnly = (explanation: unknown) => {
  const rule = (explanation as { rule?: unknown } | null)?.rule;
  return typeof rule === 'string' ? { rule } : {};
};

function privateReception<R extends ReceptionLike>(r: R): R {
  return { ...r, customerName: null, customerId: null, phoneMasked: null, unitsAsked: null, explanation: ruleOnly(r.explanation) };
}

export function privateBoard<R extends ReceptionLike, B extends BoardLike<R>>(board: B): B {
  return {
    ...board,
    waiting: board.waiting.map(privateReception),
    receptions: board.receptions.map(privateReception),
    consultants: board.consultants.map((c) => ({ ...c, busyWith: c.busyWith.map(privateReception) })),
    alerts: board.alerts.map((a) => ({ ...a, params: {} })),
    events: board.events.map((e) => ({ ...e, reason: null, explanation: ruleOnly(e.explanation) })),
  };
}

// A reception once it has started: its end (R5), a colleague's customer (R11), a non-buyer
// (R12), a big buyer (R14), the manager's alerts (R5, R14) and a same-day deal (R10, R11).
import { one, type Command, type Draft, type Step } from './draft.js';
import { reject, requireReason, requireReception, requireServer, requireSupervisor } from './guards.js';
import { isBusy, isPresent, pickAssistant } from './order.js';
import { bigBuyer, secondReception } from './walk-ins.js';

export function endReception(d: Draft, cmd: Command<'END_RECEPTION'>): Step {
  const { actor } = cmd;
  const now = d.now;
  const r = requireReception(d, cmd.receptionId, 'ACTIVE');
  requireServer(actor, r);
  d.patchReception(r.id, { status: 'ENDED', endedAt: now });
  if (r.consultantId !== null && !isBusy(d.state, r.consultantId)) d.patchMember(r.consultantId, { freeSince: now });
  return { type: 'RECEPTION_ENDED', consultantId: r.consultantId, receptionId: r.id, explanation: { rule: 'R5', params: { minutes: Math.round((now - (r.startedAt ?? now)) / 60000) } } };
}

export function handOver(d: Draft, cmd: Command<'HAND_OVER'>): Step {
  // R11: the walk-in turns out to be a colleague's customer: handed over at once.
  const { actor } = cmd;
  const now = d.now;
  const r = requireReception(d, cmd.receptionId, 'ACTIVE');
  requireServer(actor, r);
  const from = r.consultantId!;
  const to = cmd.toConsultantId;
  if (to === from) reject('SAME_CONSULTANT', 'Hand over to a colleague, not to yourself');
  if (!isPresent(d, to)) reject('COLLEAGUE_NOT_AVAILABLE', 'The colleague is not on the floor: keep the customer for them instead', { colleagueId: to });
  const variant = d.ctx.settings.r11ColleagueCustomer;
  if (variant === 'B') d.takeTurn(to);
  d.grantMakeUp(from, 'PRIORITY', 'R11');
  d.patchReception(r.id, {
    consultantId: to,
    ownerId: to,
    // R11: found in the register: from now on the reception is that customer's.
    ...(cmd.customerId != null ? { customerId: cmd.customerId } : {}),
    credit: variant === 'B' ? one(to) : [],
    explanation: { rule: 'R11', params: { from, to, variant, previous: r.explanation } },
  });
  if (!isBusy(d.state, from)) d.patchMember(from, { freeSince: now });
  secondReception(d, actor, r.id);
  d.closeRound();
  return { type: 'HANDED_OVER', consultantId: from, receptionId: r.id, explanation: { rule: 'R11', params: { from, to, variant } }, undoable: true };
}

export function keepForColleague(d: Draft, cmd: Command<'KEEP_FOR_COLLEAGUE'>): Step {
  // R11: colleague off shift or unreachable: keep serving; a courtesy reception with a
  // priority make-up, unless a same-day deal splits the credit.
  const { actor } = cmd;
  const r = requireReception(d, cmd.receptionId, 'ACTIVE');
  requireServer(actor, r);
  if (cmd.colleagueId === r.consultantId) reject('SAME_CONSULTANT', 'Name the colleague whose customer this is');
  const m = d.grantMakeUp(r.consultantId!, 'PRIORITY', 'R11');
  d.patchReception(r.id, { ownerId: cmd.colleagueId, ...(cmd.customerId != null ? { customerId: cmd.customerId } : {}), credit: [], makeUpId: m.id, explanation: { rule: 'R11', params: { courtesy: true, colleague: cmd.colleagueId, previous: r.explanation } } });
  return { type: 'KEPT_FOR_COLLEAGUE', consultantId: r.consultantId, receptionId: r.id, explanation: { rule: 'R11', params: { courtesy: true, colleague: cmd.colleagueId } } };
}

export function reportNonBuyer(d: Draft, cmd: Command<'REPORT_NON_BUYER'>): Step {
  const { actor } = cmd;
  const now = d.now;
  const r = requireReception(d, cmd.receptionId, 'ACTIVE');
  requireServer(actor, r);
  if (r.nonBuyer) reject('NON_BUYER_ALREADY', 'Already reported as a non-buyer');
  const windowMs = d.ctx.settings.nonBuyerWindowMinutes * 60_000;
  if (now - (r.startedAt ?? now) > windowMs) {
    reject('NON_BUYER_WINDOW_PASSED', `A non-buyer must be reported within ${d.ctx.settings.nonBuyerWindowMinutes} minutes`, { minutes: d.ctx.settings.nonBuyerWindowMinutes });
  }
  // R12: not counted; the reporter whose turn it took gets a make-up; the walk-in goes to
  // the last consultant in the queue unless the reporter keeps them. The manager confirms.
  const reporter = r.consultantId!;
  const hadTurn = r.credit.some((c) => c.consultantId === reporter);
  const makeUp = hadTurn ? d.grantMakeUp(reporter, 'NORMAL', 'R12') : null;
  let to = reporter;
  if (!cmd.keep) {
    const helper = pickAssistant(d, [reporter]);
    if (helper !== null) {
      to = helper;
      d.patchMember(helper, { assists: (d.member(helper)?.assists ?? 0) + 1 });
    }
  }
  d.patchReception(r.id, { consultantId: to, credit: [], withdrawnCredit: r.credit, nonBuyer: 'REPORTED', makeUpId: makeUp?.id ?? r.makeUpId });
  if (to !== reporter && !isBusy(d.state, reporter)) d.patchMember(reporter, { freeSince: now });
  d.raise('NON_BUYER_TO_CONFIRM', r.id, reporter);
  return { type: 'NON_BUYER_REPORTED', consultantId: reporter, receptionId: r.id, explanation: { rule: 'R12', params: { keep: cmd.keep, to, madeUp: hadTurn } } };
}

export function decideNonBuyer(d: Draft, cmd: Command<'DECIDE_NON_BUYER'>): Step {
  const { actor } = cmd;
  requireSupervisor(actor);
  const r = requireReception(d, cmd.receptionId);
  if (r.nonBuyer !== 'REPORTED') reject('NON_BUYER_NOT_PENDING', 'No non-buyer report waits for a decision here');
  d.clearAlerts(r.id, 'NON_BUYER_TO_CONFIRM');
  if (cmd.confirmed) d.patchReception(r.id, { nonBuyer: 'CONFIRMED' });
  else {
    // Not a non-buyer after all: the credit comes back and the make-up goes, if unused.
    const m = r.makeUpId ? d.state.makeUps[r.makeUpId] : undefined;
    if (m && m.rule === 'R12' && m.usedAt === null) d.setMakeUp(m.id, null);
    d.patchReception(r.id, { nonBuyer: 'REJECTED', credit: r.withdrawnCredit ?? [], withdrawnCredit: null });
  }
  return { type: 'NON_BUYER_DECIDED', consultantId: r.consultantId, receptionId: r.id, reason: requireReason(cmd.reason), explanation: { rule: 'R12', params: { confirmed: cmd.confirmed } } };
}

export function reportBigBuyer(d: Draft, cmd: Command<'REPORT_BIG_BUYER'>): Step {
  const { actor } = cmd;
  const r = requireReception(d, cmd.receptionId);
  requireServer(actor, r);
  bigBuyer(d, r, cmd.units);
  return { type: 'BIG_BUYER_REPORTED', consultantId: r.consultantId, receptionId: r.id, explanation: { rule: 'R14', params: { units: cmd.units, threshold: d.ctx.settings.bigBuyerUnits } } };
}

export function acknowledgeAlert(d: Draft, cmd: Command<'ACKNOWLEDGE_ALERT'>): Step {
  const { actor } = cmd;
  requireSupervisor(actor);
  const a = d.state.alerts[cmd.alertId];
  if (!a) reject('ALERT_NOT_FOUND', 'No such alert');
  if (a.kind === 'NO_ONE_FREE') reject('ALERT_STATE', 'This alert clears itself when the walk-in is assigned');
  if (a.kind === 'NON_BUYER_TO_CONFIRM') reject('ALERT_STATE', 'Confirm or reject the non-buyer instead');
  d.setAlert(a.id, null);
  // R5: seeing a second reception is the manager's approval of it, recorded on the reception.
  const second = a.kind === 'SECOND_RECEPTION' && a.receptionId !== null && !!d.state.receptions.get(a.receptionId);
  if (second) d.patchReception(a.receptionId!, { secondApprovedBy: actor.userId });
  return {
    type: 'ALERT_ACKNOWLEDGED',
    consultantId: a.consultantId,
    receptionId: a.receptionId,
    explanation: { rule: a.kind === 'BIG_BUYER' ? 'R14' : 'R5', params: { kind: a.kind, ...(second ? { approved: true } : {}) } },
  };
}

export function recordSameDayDeal(d: Draft, cmd: Command<'RECORD_SAME_DAY_DEAL'>): Step {
  // R10/R11 (O8): a same-day deal served by a helper splits the credit half/half.
  const { actor } = cmd;
  requireSupervisor(actor);
  const r = requireReception(d, cmd.receptionId);
  if (r.ownerId === null || r.consultantId === null || r.ownerId === r.consultantId) {
    reject('NOT_SPLITTABLE', 'Only a reception served for a colleague (R10, R11) splits its credit');
  }
  if (r.sameDayDeal) reject('ALREADY_SPLIT', 'The credit is already split');
  const m = r.makeUpId ? d.state.makeUps[r.makeUpId] : undefined;
  if (m && m.usedAt === null) d.setMakeUp(m.id, null);
  d.patchReception(r.id, {
    sameDayDeal: true,
    credit: [
      { consultantId: r.ownerId!, share: 0.5 },
      { consultantId: r.consultantId!, share: 0.5 },
    ],
  });
  return { type: 'SAME_DAY_DEAL_RECORDED', consultantId: r.consultantId, receptionId: r.id, explanation: { rule: r.explanation.rule === 'R10' ? 'R10' : 'R11', params: { owner: r.ownerId, helper: r.consultantId, makeUpWithdrawn: !!m && m.usedAt === null } } };
}

// The rotation engine: decide/evolve over a site's floor events, and the board they show.
export * from './types.js';
export { decide } from './decide.js';
export { evolve, initialState, replay, Fold, atDay, stateAfterDay, restoreState, undoEntries, liveUndoEntries, type SequencedEvent } from './evolve.js';
export { projectBoard, type Board, type BoardConsultant, type FloorState } from './board.js';
export { businessDay, dayAfter, shiftsForDay, shiftLength, shiftsOverlap, inShift, SHIFT_START, SHIFT_END, type ShiftTemplateRow, type ShiftExceptionRow } from './shifts.js';
export { activeDeputyship, deputyPeriodProblem, type Deputyship } from './deputies.js';
export { countedToday, lineOrder, nextUp, upOrder, pickAssistant, isBusy } from './order.js';

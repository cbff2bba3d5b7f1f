// The output side (print rows, xlsx export) of the minutes registers: the meeting book
// (minutes.meetings, one book per type and year when filtered by extra.typeId) and the
// agenda-item ledger (minutes.agenda, 议题台账). No import: records are made through the forms, where
// every rule applies.
import { AGENDA_REGISTER, MEETINGS_REGISTER, minutesRegisterDefs } from '../contract/minutes';
import type { RegisterImpl } from '../output/registry';
import { agendaFilterFromRegister, agendaOutputRow, countAgenda, countMeetings, filterFromRegister, listAgenda, listMeetings, meetingOutputRow } from './queries';

const meetings: RegisterImpl = {
  def: minutesRegisterDefs[MEETINGS_REGISTER],
  count: (db, f) => countMeetings(db, filterFromRegister(f)),
  // The book in its own order: by type, then number.
  rows: (db, f, limit, offset) => listMeetings(db, filterFromRegister(f), 'number', limit, offset).map((r) => meetingOutputRow(db, r)),
};

const agenda: RegisterImpl = {
  def: minutesRegisterDefs[AGENDA_REGISTER],
  count: (db, f) => countAgenda(db, agendaFilterFromRegister(f)),
  rows: (db, f, limit, offset) => listAgenda(db, agendaFilterFromRegister(f), 'number', limit, offset).map((r) => agendaOutputRow(db, r)),
};

/** The output side (print rows, export, import) of this area's registers, keyed like minutesRegisterDefs. */
export const minutesRegisterImpls: Record<string, RegisterImpl<any>> = {
  [MEETINGS_REGISTER]: meetings,
  [AGENDA_REGISTER]: agenda,
};

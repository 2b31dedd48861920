// The visit request form's values (P1), and which of them a server error's field names.

/** What the form holds; times are the site's wall clock ("YYYY-MM-DD HH:mm"). */
export interface RequestFormValues {
  categoryId: string | null;
  purpose: string;
  visitorCompany: string;
  headcount: number;
  hosts: number;
  /** Site wall clock, "YYYY-MM-DD HH:mm". */
  start: string | null;
  end: string | null;
  leadDepartmentId: string | null;
  supportingDepartmentIds: string[];
  leadUserId: string | null;
  roomId: string | null;
  equipmentKinds: string[];
  estimatedCost: number | null;
  catering: boolean;
  pickUp: boolean;
  lodging: boolean;
  gifts: boolean;
  notes: string;
}

/** A blank request led by `leadUserId` (the one asking, by default). */
export const newRequestForm = (leadUserId: string | null): RequestFormValues => ({
  categoryId: null,
  purpose: '',
  visitorCompany: '',
  headcount: 1,
  hosts: 1,
  start: null,
  end: null,
  leadDepartmentId: null,
  supportingDepartmentIds: [],
  leadUserId,
  roomId: null,
  equipmentKinds: [],
  estimatedCost: null,
  catering: false,
  pickUp: false,
  lodging: false,
  gifts: false,
  notes: '',
});

/** The request input's fields (as the server names them) → the form's. */
export const REQUEST_FIELD: Record<string, keyof RequestFormValues> = {
  categoryId: 'categoryId',
  purpose: 'purpose',
  visitorCompany: 'visitorCompany',
  headcount: 'headcount',
  hosts: 'hosts',
  startAt: 'start',
  endAt: 'end',
  leadDepartmentId: 'leadDepartmentId',
  supportingDepartmentIds: 'supportingDepartmentIds',
  leadUserId: 'leadUserId',
  roomId: 'roomId',
  equipmentKinds: 'equipmentKinds',
  estimatedCost: 'estimatedCost',
  notes: 'notes',
};

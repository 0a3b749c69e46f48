/** The roster as the API shows it to pickers (claims, assessments, norms, users): GET /api/operators. */
export interface RosterEntry {
  operatorId: string;
  name: string;
  teamId: string;
  teamName: string | null;
}

export interface RosterResponse {
  operators: RosterEntry[];
}

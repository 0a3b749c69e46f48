/**
 * The roster and activity of the call center: the months that have calls, the teams, each
 * operator's calls, orders and handle time, and the daily counts (`/api/periods`, `/api/teams`,
 * `/api/operators/activity`, `/api/activity/daily`).
 */

export interface PeriodsResponse {
  /** Months that have calls, newest first. */
  periods: string[];
}

export interface TeamView {
  teamId: string;
  name: string;
  department: string | null;
  operators: number;
}
export interface TeamsResponse {
  teams: TeamView[];
}

/**
 * An operator's time logged in, by state, from the `operator-states` a dialler's agent log gives
 * (docs/platforms.md#vicidial_agent_log) or the Asterisk queue_log's members' logins and pauses
 * (docs/data.md#operator-states-from-the-queue_log): seconds of each state in the range.
 */
export interface AgentTime {
  /** Every state: available + talk + wrap + pause. */
  loggedSeconds: number;
  availableSeconds: number;
  talkSeconds: number;
  wrapSeconds: number;
  pauseSeconds: number;
  /** (talk + wrap) / (available + talk + wrap): the share of ready time spent on calls; null without any. */
  occupancy: number | null;
  /** pause / logged in; null when never logged in. */
  pauseShare: number | null;
  /** The pause time by reason (a pause code; null when none was given), the longest first. */
  pauses: { reason: string | null; seconds: number }[];
}

export interface OperatorActivity {
  operatorId: string;
  name: string;
  teamId: string;
  teamName: string;
  calls: number;
  handledCalls: number;
  inbound: number;
  outbound: number;
  talkSeconds: number;
  /** Mean of talk + hold + wrap over handled calls; null without handled calls. */
  ahtSeconds: number | null;
  orders: number;
  /** Minor units, cancelled orders excluded. */
  orderRevenue: number;
  /** Null when no operator state of his is loaded for the range. */
  agentTime: AgentTime | null;
}
export interface ActivityResponse {
  range: { from: string; to: string };
  currency: string;
  operators: OperatorActivity[];
}

export interface DailyPoint {
  date: string;
  calls: number;
  handled: number;
  /** Inbound calls offered: the base of the abandonment rate and the service level. */
  inbound: number;
  abandoned: number;
  orders: number;
}
export interface DailyResponse {
  range: { from: string; to: string };
  days: DailyPoint[];
}

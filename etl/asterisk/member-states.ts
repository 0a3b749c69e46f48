/**
 * An operator's states from his queue members' events in the queue_log (app_queue's log of
 * members added, removed and paused), with his answered calls laid over them. Pure: the import
 * reads the events and calls, and writes what this gives.
 *
 * - Logged in: while he is a member of at least one queue (ADDMEMBER to REMOVEMEMBER, per queue)
 *   or logged in as an agent (AGENTLOGIN / AGENTCALLBACKLOGIN to their LOGOFF, no queue): the
 *   union over queues, never their sum.
 * - Paused: while paused in every queue he is in. app_queue pauses a member queue by queue; a
 *   pause without a queue (PauseQueueMember with none, written `PAUSEALL`, or `PAUSE` with the
 *   queue `NONE`) pauses him in all of them. Paused in one queue of several, he still takes the
 *   others' calls: available. An ADDMEMBER whose data1 is `PAUSED` adds him paused.
 * - Talk: his answered calls (answer to answer + talk time) while logged in, paused or not: a
 *   call he is on is work, whatever his pause says.
 * - Available: the rest of the time logged in.
 */

export type MemberState = 'available' | 'pause' | 'talk';

export interface MemberEvent {
  /** Unix seconds. */
  at: number;
  /** The queue, or null for none (`NONE`, empty): all his queues. */
  queue: string | null;
  event: string;
  data1: string | null;
  /** The second of the queue_log's last line before this one (any event), if any. */
  before?: number | null;
}

export interface Span {
  from: number;
  to: number;
}

export interface StateSpan extends Span {
  state: MemberState;
  reason: string | null;
}

export interface MemberStates {
  states: StateSpan[];
  /** Still logged in after his last event: the last state runs to `horizon` for now. */
  open: boolean;
}

/** The events that say anything about a member's login or pause; the others are only counted. */
export const STATE_EVENTS = [
  'ADDMEMBER',
  'REMOVEMEMBER',
  'AGENTLOGIN',
  'AGENTLOGOFF',
  'AGENTCALLBACKLOGIN',
  'AGENTCALLBACKLOGOFF',
  'PAUSE',
  'UNPAUSE',
  'PAUSEALL',
  'UNPAUSEALL',
] as const;

interface Membership {
  paused: boolean;
  /** Added by ADDMEMBER (a login); false: a queue seen only in an agent's pauses. */
  added: boolean;
}

type Status = { kind: 'out' } | { kind: 'available' } | { kind: 'pause'; reason: string | null };

const text = (s: string | null) => (s?.trim() ? s.trim() : null);

/** One member's logins and pauses replayed in order. */
class Member {
  private queues = new Map<string, Membership>();
  private agent = false;
  private agentPaused = false;
  private reason: string | null = null;

  /**
   * A login of a queue he is the only member of already, or an agent's login while logged in:
   * the PBX restarted or lost the removal, so the earlier login was over before this one.
   */
  isRelogin(e: MemberEvent): boolean {
    const added = [...this.queues.entries()].filter(([, m]) => m.added);
    if (
      e.event === 'ADDMEMBER' ||
      ((e.event === 'AGENTLOGIN' || e.event === 'AGENTCALLBACKLOGIN') && e.queue)
    )
      return !this.agent && added.length === 1 && added[0]?.[0] === e.queue;
    if (e.event === 'AGENTLOGIN' || e.event === 'AGENTCALLBACKLOGIN') return this.agent && !added.length;
    return false;
  }

  apply(e: MemberEvent): void {
    const q = e.queue;
    switch (e.event) {
      case 'ADDMEMBER':
        if (q) {
          const paused = text(e.data1)?.toUpperCase() === 'PAUSED';
          this.queues.set(q, { paused, added: true });
          if (paused) this.reason = null;
        }
        break;
      case 'REMOVEMEMBER':
        if (q) this.queues.delete(q);
        break;
      case 'AGENTLOGIN':
      case 'AGENTCALLBACKLOGIN':
        if (q) this.queues.set(q, { paused: false, added: true });
        else {
          this.agent = true;
          this.agentPaused = false;
        }
        break;
      case 'AGENTLOGOFF':
      case 'AGENTCALLBACKLOGOFF':
        if (q) this.queues.delete(q);
        else this.logOff();
        break;
      case 'PAUSE':
      case 'UNPAUSE':
        this.pause(q, e.event === 'PAUSE', text(e.data1));
        break;
      case 'PAUSEALL':
      case 'UNPAUSEALL':
        this.pause(null, e.event === 'PAUSEALL', text(e.data1));
        break;
    }
  }

  logOff() {
    this.agent = false;
    this.agentPaused = false;
    this.queues.clear();
  }

  private pause(q: string | null, paused: boolean, reason: string | null) {
    if (paused) this.reason = reason;
    if (q === null) {
      for (const m of this.queues.values()) m.paused = paused;
      this.agentPaused = paused;
      return;
    }
    const m = this.queues.get(q);
    if (m) m.paused = paused;
    // An agent (chan_agent) is a static member of his queues, never added: his pauses name them.
    else if (this.agent) this.queues.set(q, { paused, added: false });
  }

  status(): Status {
    const members = [...this.queues.values()];
    const loggedIn = this.agent || members.some((m) => m.added);
    if (!loggedIn) return { kind: 'out' };
    const paused = members.length ? members.every((m) => m.paused) : this.agentPaused;
    return paused ? { kind: 'pause', reason: this.reason } : { kind: 'available' };
  }
}

const same = (a: Status, b: Status) =>
  a.kind === b.kind && (a.kind !== 'pause' || a.reason === (b as { reason: string | null }).reason);

/** Logged-in time as available and pause spans, from events in the order they happened. */
function loggedIn(events: readonly MemberEvent[], horizon: number): MemberStates {
  const member = new Member();
  const states: StateSpan[] = [];
  let current: Status = { kind: 'out' };
  let since = 0;
  const close = (to: number) => {
    if (current.kind !== 'out' && to > since) {
      states.push({
        state: current.kind,
        from: since,
        to,
        reason: current.kind === 'pause' ? current.reason : null,
      });
    }
  };
  for (const e of events) {
    if (member.isRelogin(e)) {
      // The earlier login ends where the queue_log last wrote anything before this one.
      member.logOff();
      close(Math.max(since, Math.min(e.at, e.before ?? e.at)));
      current = { kind: 'out' };
    }
    member.apply(e);
    const next = member.status();
    if (same(next, current)) continue;
    close(e.at);
    current = next;
    since = e.at;
  }
  const open = current.kind !== 'out';
  if (open) close(Math.max(horizon, since));
  return { states, open };
}

/** Talk spans sorted and joined where they overlap. */
function joined(talks: readonly Span[]): Span[] {
  const sorted = talks.filter((t) => t.to > t.from).sort((a, b) => a.from - b.from);
  const out: Span[] = [];
  for (const t of sorted) {
    const last = out[out.length - 1];
    if (last && t.from <= last.to) last.to = Math.max(last.to, t.to);
    else out.push({ ...t });
  }
  return out;
}

/** `spans` with `talks` cut into them, adjacent spans of the same state and reason joined. */
function withTalk(spans: readonly StateSpan[], talks: readonly Span[]): StateSpan[] {
  const pieces: StateSpan[] = [];
  const push = (p: StateSpan) => {
    if (p.to <= p.from) return;
    const last = pieces[pieces.length - 1];
    if (last && last.to === p.from && last.state === p.state && last.reason === p.reason) last.to = p.to;
    else pieces.push(p);
  };
  let i = 0;
  for (const s of spans) {
    while (i < talks.length && (talks[i] as Span).to <= s.from) i++;
    let at = s.from;
    for (let j = i; j < talks.length && (talks[j] as Span).from < s.to; j++) {
      const t = talks[j] as Span;
      push({ ...s, from: at, to: Math.max(at, t.from) });
      const end = Math.min(s.to, t.to);
      push({ state: 'talk', from: Math.max(at, t.from), to: end, reason: null });
      at = Math.max(at, end);
    }
    push({ ...s, from: at, to: s.to });
  }
  return pieces;
}

/**
 * One operator's states: `events` in the order they happened (by time, then as the files wrote
 * them), `talks` his answered calls, `horizon` the last event of the queue_log read so far.
 */
export function memberStates(
  events: readonly MemberEvent[],
  talks: readonly Span[],
  horizon: number,
): MemberStates {
  const { states, open } = loggedIn(events, horizon);
  return { states: withTalk(states, joined(talks)), open };
}

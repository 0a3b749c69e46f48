import { describe, expect, it } from 'vitest';
import { type MemberEvent, memberStates } from '../../etl/asterisk/member-states.ts';

/** The rules that turn one member's queue_log events into states, without a store. */

const ev = (
  at: number,
  event: string,
  queue: string | null = null,
  data1: string | null = null,
): MemberEvent => ({
  at,
  queue,
  event,
  data1,
});
const spans = (events: MemberEvent[], talks: { from: number; to: number }[] = [], horizon = 0) =>
  memberStates(events, talks, horizon).states.map((s) => [s.state, s.from, s.to, s.reason]);

describe('member states', () => {
  it('count a member of two queues once: logged in over the union of his queues', () => {
    expect(
      spans([
        ev(0, 'ADDMEMBER', 'a'),
        ev(10, 'ADDMEMBER', 'b'),
        ev(50, 'REMOVEMEMBER', 'a'),
        ev(80, 'REMOVEMEMBER', 'b'),
      ]),
    ).toEqual([['available', 0, 80, null]]);
  });

  it('add a member paused when ADDMEMBER says PAUSED, until he is unpaused', () => {
    expect(
      spans([ev(0, 'ADDMEMBER', 'a', 'PAUSED'), ev(30, 'UNPAUSE', 'a'), ev(60, 'REMOVEMEMBER', 'a')]),
    ).toEqual([
      ['pause', 0, 30, null],
      ['available', 30, 60, null],
    ]);
  });

  it("take an agent's login without a queue, his pauses per queue and of all, to his logoff", () => {
    expect(
      spans([
        ev(0, 'AGENTLOGIN', null, 'PJSIP/101'),
        ev(100, 'PAUSEALL', null),
        ev(100, 'PAUSE', 'a', 'break'),
        ev(100, 'PAUSE', 'b', 'break'),
        ev(200, 'UNPAUSE', 'a'),
        ev(300, 'PAUSE', 'a', 'lunch'),
        ev(400, 'UNPAUSEALL', null),
        ev(500, 'AGENTLOGOFF', null, 'PJSIP/101'),
      ]),
    ).toEqual([
      ['available', 0, 100, null],
      ['pause', 100, 200, 'break'],
      ['available', 200, 300, null],
      ['pause', 300, 400, 'lunch'],
      ['available', 400, 500, null],
    ]);
  });

  it('lay talk over available and pause alike, joined across their border, only while logged in', () => {
    expect(
      spans(
        [
          ev(0, 'ADDMEMBER', 'a'),
          ev(100, 'PAUSE', 'a', 'lunch'),
          ev(200, 'UNPAUSE', 'a'),
          ev(300, 'REMOVEMEMBER', 'a'),
        ],
        [
          { from: 80, to: 120 },
          { from: 150, to: 160 },
          { from: 290, to: 400 },
        ],
      ),
    ).toEqual([
      ['available', 0, 80, null],
      ['talk', 80, 120, null],
      ['pause', 120, 150, 'lunch'],
      ['talk', 150, 160, null],
      ['pause', 160, 200, 'lunch'],
      ['available', 200, 290, null],
      ['talk', 290, 300, null],
    ]);
  });

  it('keep a login with no end open to the horizon, and say so', () => {
    const built = memberStates([ev(0, 'ADDMEMBER', 'a'), ev(50, 'PAUSE', null, 'lunch')], [], 90);
    expect(built.open).toBe(true);
    expect(built.states.map((s) => [s.state, s.from, s.to, s.reason])).toEqual([
      ['available', 0, 50, null],
      ['pause', 50, 90, 'lunch'],
    ]);
  });

  it('ignore pauses of a member in no queue, and a removal from a queue he is not in', () => {
    expect(
      spans([
        ev(0, 'PAUSE', 'a', 'lunch'),
        ev(10, 'REMOVEMEMBER', 'b'),
        ev(20, 'ADDMEMBER', 'a'),
        ev(40, 'REMOVEMEMBER', 'a'),
      ]),
    ).toEqual([['available', 20, 40, null]]);
  });
});

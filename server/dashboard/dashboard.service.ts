import { localDate } from '../../core/time.ts';
import type {
  DailyQualityPoint,
  SummaryQuery,
  SummaryResponse,
  TeamAggregate,
} from '../../schemas/dashboard.ts';
import { TREND_PERIODS } from '../../schemas/dashboard.ts';
import type { Period } from '../../schemas/period.ts';
import type { ScorecardRow, ScorecardsResponse } from '../../schemas/scorecard.ts';
import type { Settings } from '../../schemas/settings.ts';
import type { Stores } from '../../stores/stores.ts';
import { dailyActivity } from '../activity/activity.service.ts';
import type { Scope } from '../context.ts';
import { countedScores } from '../evaluations/quality.repository.ts';
import { monthToDate, monthToDateTrend, periodInstants, trendPeriods } from '../periods/period.ts';
import { scorecards } from '../scorecards/scorecards.service.ts';
import { settleClaimPeriods } from '../scoring/claim-periods.ts';
import { contactKpis } from '../scoring/contact-kpis.ts';
import { roundHalfUp } from '../scoring/round.ts';
import { aggregate, NO_QUEUE_KPIS, type QueueKpis } from './aggregate.ts';
import { departmentsOf } from './dashboard.repository.ts';

interface Filter {
  team: string | null;
  department: string | null;
}

/**
 * The queue KPIs of a view. Service level and abandonment belong to queues, which have no team:
 * they are given for the whole center only. ASA is given for a team from its operators' answers.
 */
async function queueKpis(stores: Stores, p: Period, f: Filter, own: boolean, settings: Settings) {
  if (own) return NO_QUEUE_KPIS;
  const k = await contactKpis(stores, { period: p, team: f.team }, settings, {
    operatorIds: null,
  });
  if (!f.team && !f.department) return k.overall satisfies QueueKpis;
  if (f.team) return { ...NO_QUEUE_KPIS, asa: k.teams.find((t) => t.key === f.team)?.asa ?? null };
  return NO_QUEUE_KPIS;
}

async function periodFigures(stores: Stores, p: Period, f: Filter, scope: Scope, settings: Settings) {
  const [cards, kpis] = await Promise.all([
    scorecards(
      stores,
      { period: p, team: f.team ?? undefined, department: f.department ?? undefined },
      settings,
      scope,
    ),
    queueKpis(stores, p, f, scope.operatorIds !== null, settings),
  ]);
  return { cards, kpis };
}

/** Mean score of counted evaluations per local day of the evaluated call. */
async function dailyQuality(stores: Stores, p: Period, ids: readonly string[], tz: string) {
  const bounds = periodInstants(p, tz);
  const rows = await countedScores(stores.db, bounds, ids);
  const byDay = new Map<string, { sum: number; n: number }>();
  for (const r of rows) {
    const day = localDate(new Date(r.call_started_at as string), tz);
    const d = byDay.get(day) ?? { sum: 0, n: 0 };
    d.sum += Number(r.score);
    d.n++;
    byDay.set(day, d);
  }
  return byDay;
}

function teamAggregates(rows: readonly ScorecardRow[]): TeamAggregate[] {
  const teams = new Map<string, ScorecardRow[]>();
  for (const r of rows) teams.set(r.teamId, [...(teams.get(r.teamId) ?? []), r]);
  return [...teams.values()]
    .map((members) => {
      const first = members[0] as ScorecardRow;
      return {
        teamId: first.teamId,
        name: first.teamName,
        department: first.department,
        aggregate: aggregate(members, NO_QUEUE_KPIS),
        targets: first.targets,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

function qualityBands(rows: readonly ScorecardRow[]) {
  const bands = Array.from({ length: 10 }, (_, i) => ({ from: i * 10, to: i * 10 + 10, operators: 0 }));
  let notEvaluated = 0;
  for (const r of rows) {
    const q = r.scorecard.qualityScore;
    if (q === null) notEvaluated++;
    else (bands[Math.min(9, Math.max(0, Math.floor(q / 10)))] as { operators: number }).operators++;
  }
  return { bands, notEvaluated };
}

/**
 * The periods a summary shows, oldest first, the asked one last. The month running at `now` is
 * shown to date and compared with the same days of the months before (1–4 Dec with 1–4 Nov):
 * against whole months its few days would read as a collapse of every count.
 */
function summaryPeriods(asked: Period, timeZone: string, now: Date) {
  const today = localDate(now, timeZone);
  if (asked.month === null || asked.month !== today.slice(0, 7))
    return { periods: trendPeriods(asked, TREND_PERIODS), monthToDate: false };
  return { periods: monthToDateTrend(monthToDate(today), TREND_PERIODS), monthToDate: true };
}

/**
 * The dashboard's figures for one period and view (team, department, the caller's scope): the
 * aggregate, the one before it, the trend of the last TREND_PERIODS periods, teams, the quality
 * distribution and the days. Every period is scored by the scorecards service (an approved month
 * from its snapshot), so the dashboard, the payroll and the exports cannot disagree.
 */
export async function dashboardSummary(
  stores: Stores,
  q: SummaryQuery,
  settings: Settings,
  scope: Scope,
  at: Date = new Date(),
): Promise<SummaryResponse> {
  const { periods, monthToDate } = summaryPeriods(q.period, settings.timeZone, at);
  const current = periods[periods.length - 1] as Period;
  const filter: Filter = { team: q.team ?? null, department: q.department ?? null };
  // Claims are given their pay month once; done here so the parallel scorings do not race for it.
  await settleClaimPeriods(stores.db, settings.timeZone);
  const figures = await Promise.all(periods.map((p) => periodFigures(stores, p, filter, scope, settings)));
  const now = figures[figures.length - 1] as { cards: ScorecardsResponse; kpis: QueueKpis };
  const before = figures[figures.length - 2] as { cards: ScorecardsResponse; kpis: QueueKpis };
  const rows = now.cards.operators;
  const ids = rows.map((r) => r.scorecard.operatorId);

  // Abandoned calls reached no operator: only the whole center's view has them.
  const whole = !filter.team && !filter.department && scope.operatorIds === null;
  const [days, quality, departments] = await Promise.all([
    dailyActivity(
      stores.db,
      stores.analytics,
      { period: current, team: null },
      { operatorIds: whole ? null : ids },
      settings.timeZone,
    ),
    dailyQuality(stores, current, ids, settings.timeZone),
    // Only the departments the caller may see: a limited head's own.
    departmentsOf(stores.db, scope.operatorIds),
  ]);
  const dayMap = new Map(days.map((d) => [d.date, d]));
  const allDates = [...new Set([...dayMap.keys(), ...quality.keys()])].sort();
  const daily: DailyQualityPoint[] = allDates.map((date) => {
    const d = dayMap.get(date);
    const qd = quality.get(date);
    return {
      date,
      calls: d?.calls ?? 0,
      handled: d?.handled ?? 0,
      abandoned: whole ? (d?.abandoned ?? 0) : 0,
      quality: qd ? roundHalfUp(qd.sum / qd.n, 2) : null,
      evaluations: qd?.n ?? 0,
    };
  });
  const { bands, notEvaluated } = qualityBands(rows);

  return {
    current,
    previous: periods[periods.length - 2] as Period,
    monthToDate,
    currency: now.cards.currency,
    source: now.cards.source,
    serviceLevelSeconds: settings.serviceLevelSeconds,
    aggregate: aggregate(rows, now.kpis),
    previousAggregate: aggregate(before.cards.operators, before.kpis),
    trend: periods.map((period, i) => {
      const f = figures[i] as { cards: ScorecardsResponse; kpis: QueueKpis };
      const a = aggregate(f.cards.operators, f.kpis);
      return { period, aggregate: a, hasData: a.activeOperators > 0 };
    }),
    teams: teamAggregates(rows),
    qualityBands: bands,
    notEvaluated,
    daily,
    departments: departments.map((d) => d.department as string).sort(),
  };
}

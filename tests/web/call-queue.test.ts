import { describe, expect, it } from 'vitest';
import {
  monitorProgress,
  PAGE_SIZE,
  pageSpan,
  queueView,
  sampleOptions,
  sampleQuery,
  sampleToSplit,
  searchState,
  toggled,
  withFilter,
  withoutFilters,
  withSampleMode,
  withSort,
} from '../../web/src/pages/call-queue/queue-params.ts';

const qs = (s: string) => new URLSearchParams(s);

describe('the call queue in the address', () => {
  it('shows the sample unless the search is asked for', () => {
    expect(queueView(qs(''))).toBe('sample');
    expect(queueView(qs('view=search'))).toBe('search');
    expect(queueView(qs('view=other'))).toBe('sample');
  });

  it('asks for a fixed count per operator, 5 by default, or for a margin instead', () => {
    expect(sampleQuery('2026-10', sampleOptions(qs('')))).toEqual({
      period: '2026-10',
      team: null,
      perOperator: '5',
    });
    expect(sampleQuery('2026-10', sampleOptions(qs('team=T1&perOperator=8&margin=2.5')))).toEqual({
      period: '2026-10',
      team: 'T1',
      margin: '2.5',
    });
  });

  it('switches the size to a margin of ±5 points and back', () => {
    const margin = withSampleMode(qs('period=2026-10&perOperator=3'), 'margin');
    expect(margin.get('margin')).toBe('5');
    expect(withSampleMode(margin, 'fixed').has('margin')).toBe(false);
  });

  it('splits the sample as the request names it: the options set, numbers as numbers', () => {
    expect(sampleToSplit({ period: '2026-10', team: null, perOperator: '5' })).toEqual({ perOperator: 5 });
    expect(sampleToSplit({ period: '2026-10', team: 'T1', margin: '2.5' })).toEqual({
      team: 'T1',
      margin: 2.5,
    });
  });

  it("counts each monitor's calls given and done, by name", () => {
    expect(
      monitorProgress([
        { monitor: 'qa2', done: true },
        { monitor: 'qa1', done: false },
        { monitor: 'qa2', done: false },
        { monitor: 'qa1', done: true },
        { monitor: 'qa1', done: true },
      ]),
    ).toEqual([
      { monitor: 'qa1', done: 2, total: 3 },
      { monitor: 'qa2', done: 1, total: 2 },
    ]);
    expect(monitorProgress([])).toEqual([]);
  });

  it('ticks and unticks an item of a list', () => {
    expect(toggled(['a'], 'b', true)).toEqual(['a', 'b']);
    expect(toggled(['a', 'b'], 'a', false)).toEqual(['b']);
  });
});

describe('the call search in the address', () => {
  it('searches the period, newest first, on page one by default', () => {
    const s = searchState(qs(''), '2026-10');
    expect(s).toMatchObject({
      page: 1,
      sort: 'startedAt',
      order: 'desc',
      hasFilters: false,
      openRange: false,
    });
    expect(s.query).toEqual({
      period: '2026-10',
      sort: 'startedAt',
      order: 'desc',
      limit: PAGE_SIZE,
      offset: 0,
    });
  });

  it('searches the dates given instead of the period when both ends are set', () => {
    const s = searchState(qs('from=2026-10-03&to=2026-10-09&team=T1&page=3&sort=talk&order=asc'), '2026-10');
    expect(s.query).toEqual({
      from: '2026-10-03',
      to: '2026-10-09',
      team: 'T1',
      sort: 'talk',
      order: 'asc',
      limit: PAGE_SIZE,
      offset: 2 * PAGE_SIZE,
    });
    expect(s.hasFilters).toBe(true);
  });

  it('keeps the period while only the start date is set, and says so', () => {
    const s = searchState(qs('from=2026-10-03'), '2026-10');
    expect(s.query).toMatchObject({ period: '2026-10' });
    expect(s.query).not.toHaveProperty('from');
    expect(s.openRange).toBe(true);
  });

  it('reads a page that is not a positive number as the first', () => {
    expect(searchState(qs('page=0'), '2026-10').page).toBe(1);
    expect(searchState(qs('page=x'), '2026-10').page).toBe(1);
    expect(searchState(qs('page=-2'), '2026-10').page).toBe(1);
  });

  it('goes back to page one when a filter changes or all are cleared', () => {
    const next = withFilter(qs('view=search&page=4&team=T1'), 'team', 'T2');
    expect(next.toString()).toBe('view=search&team=T2');
    expect(withFilter(next, 'team', '').toString()).toBe('view=search');
    expect(withoutFilters(qs('view=search&operator=OP-1&to=2026-10-09&page=2')).toString()).toBe(
      'view=search',
    );
  });

  it('sorts a new column descending first, then the other way, back on page one', () => {
    const byTalk = withSort(qs('page=3'), 'talk');
    expect([byTalk.get('sort'), byTalk.get('order'), byTalk.has('page')]).toEqual(['talk', 'desc', false]);
    const again = withSort(byTalk, 'talk');
    expect(again.get('order')).toBe('asc');
    expect(withSort(again, 'talk').get('order')).toBe('desc');
    expect(withSort(again, 'operator').get('order')).toBe('desc');
  });

  it('names the rows a page shows and the number of pages', () => {
    expect(pageSpan(1, 0)).toEqual({ from: 1, to: 0, pages: 1 });
    expect(pageSpan(2, 60)).toEqual({ from: 26, to: 50, pages: 3 });
    expect(pageSpan(3, 60)).toEqual({ from: 51, to: 60, pages: 3 });
  });
});

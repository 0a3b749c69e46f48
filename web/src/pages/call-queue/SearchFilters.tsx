import { useId } from 'react';
import { useSearchParams } from 'react-router';
import { CHECK_RESULTS } from '../../../../schemas/autoqa.ts';
import type { OperatorQuality } from '../../../../schemas/evaluations.ts';
import { CALL_DIRECTIONS, TASK_TYPES } from '../../../../schemas/records.ts';
import { useTeams } from '../../api/hooks.ts';
import { useT } from '../../i18n/index.ts';
import { type FilterKey, withFilter } from './queue-params.ts';

/**
 * The search's filter bar: operator, team, dates, direction, task type, talk time, evaluated, and
 * an AutoQA check's result (a result without a check: any check gave it).
 */
export function SearchFilters({
  filters,
  byOperator,
  checks,
}: {
  filters: Partial<Record<FilterKey, string>>;
  byOperator: Map<string, OperatorQuality>;
  checks: readonly { key: string; label: string }[];
}) {
  const t = useT();
  const base = useId();
  const [, setParams] = useSearchParams();
  const teams = useTeams();
  const operators = [...byOperator.values()].sort((a, b) => a.name.localeCompare(b.name));
  const set = (k: FilterKey, v: string) => setParams((p) => withFilter(p, k, v));

  const select = (k: FilterKey, label: string, options: { value: string; label: string }[], any: string) => (
    <div className="field" key={k}>
      <label className="field-label" htmlFor={`${base}-${k}`}>
        {label}
      </label>
      <select
        id={`${base}-${k}`}
        className="select select-small"
        value={filters[k] ?? ''}
        onChange={(e) => set(k, e.target.value)}
      >
        <option value="">{any}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  const input = (k: FilterKey, label: string, type: 'number' | 'date') => (
    <div className="field" key={k}>
      <label className="field-label" htmlFor={`${base}-${k}`}>
        {label}
      </label>
      <input
        id={`${base}-${k}`}
        className={type === 'number' ? 'input input-small input-number' : 'input input-small'}
        type={type}
        min={0}
        value={filters[k] ?? ''}
        onChange={(e) => set(k, e.target.value)}
      />
    </div>
  );

  return (
    <div className="filter-bar">
      {select(
        'operator',
        t('qa.filter.operator'),
        operators.map((o) => ({ value: o.operatorId, label: o.name })),
        t('qa.filter.any'),
      )}
      {select(
        'team',
        t('qa.filter.team'),
        (teams.data?.teams ?? []).map((x) => ({ value: x.teamId, label: x.name })),
        t('qa.filter.allTeams'),
      )}
      {input('from', t('qa.filter.from'), 'date')}
      {input('to', t('qa.filter.to'), 'date')}
      {select(
        'direction',
        t('qa.filter.direction'),
        CALL_DIRECTIONS.map((d) => ({ value: d, label: t(`qa.direction.${d}`) })),
        t('qa.filter.any'),
      )}
      {select(
        'taskType',
        t('qa.filter.taskType'),
        TASK_TYPES.map((d) => ({ value: d, label: t(`qa.task.${d}`) })),
        t('qa.filter.any'),
      )}
      {input('minDuration', t('qa.filter.minDuration'), 'number')}
      {input('maxDuration', t('qa.filter.maxDuration'), 'number')}
      {select(
        'hasEvaluation',
        t('qa.filter.hasEvaluation'),
        [
          { value: 'true', label: t('qa.filter.evaluated') },
          { value: 'false', label: t('qa.filter.notEvaluated') },
        ],
        t('qa.filter.any'),
      )}
      {select(
        'check',
        t('aq.filter.check'),
        checks.map((c) => ({ value: c.key, label: c.label })),
        t('aq.filter.anyCheck'),
      )}
      {select(
        'checkResult',
        t('aq.filter.result'),
        CHECK_RESULTS.map((r) => ({ value: r, label: t(`checks.result.${r}`) })),
        filters.check ? t('checks.result.fail') : t('qa.filter.any'),
      )}
    </div>
  );
}

import { useId } from 'react';
import { useSearchParams } from 'react-router';
import { useTeams } from '../../api/hooks.ts';
import { useT } from '../../i18n/index.ts';
import { CRITICAL_TARGET, type SampleOptions, withParam, withSampleMode } from './queue-params.ts';

/**
 * The sample's team and size (a fixed count per operator, or enough calls for ±N points) and what
 * it takes first: the calls that failed a chosen AutoQA check, or any critical one.
 */
export function SampleOptionsBar({
  options,
  checks,
}: {
  options: SampleOptions;
  checks: readonly { key: string; label: string }[];
}) {
  const t = useT();
  const [, setParams] = useSearchParams();
  const ids = { per: useId(), margin: useId(), team: useId(), mode: useId(), first: useId() };
  const teams = useTeams();
  const { team, margin, perOperator } = options;
  const set = (k: string, v: string | null) => setParams((p) => withParam(p, k, v));

  return (
    <div className="filters">
      <div className="field field-inline">
        <label className="field-label" htmlFor={ids.team}>
          {t('qa.filter.team')}
        </label>
        <select
          id={ids.team}
          className="select select-small"
          value={team ?? ''}
          onChange={(e) => set('team', e.target.value)}
        >
          <option value="">{t('qa.filter.allTeams')}</option>
          {(teams.data?.teams ?? []).map((x) => (
            <option key={x.teamId} value={x.teamId}>
              {x.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field field-inline">
        <label className="field-label" htmlFor={ids.mode}>
          {t('qa.sample.size')}
        </label>
        <select
          id={ids.mode}
          className="select select-small"
          value={margin ? 'margin' : 'fixed'}
          onChange={(e) =>
            setParams((p) => withSampleMode(p, e.target.value === 'margin' ? 'margin' : 'fixed'))
          }
        >
          <option value="fixed">{t('qa.sample.fixed')}</option>
          <option value="margin">{t('qa.sample.byMargin')}</option>
        </select>
      </div>
      <div className="field field-inline">
        <label className="field-label" htmlFor={ids.first}>
          {t('aq.sample.first')}
        </label>
        <select
          id={ids.first}
          className="select select-small"
          value={options.first ?? ''}
          onChange={(e) => set('first', e.target.value)}
        >
          <option value="">{t('aq.sample.firstNone')}</option>
          <option value={CRITICAL_TARGET}>{t('aq.sample.firstCritical')}</option>
          {checks.map((c) => (
            <option key={c.key} value={c.key}>
              {t('aq.sample.firstCheck', { check: c.label })}
            </option>
          ))}
        </select>
      </div>
      {margin ? (
        <div className="field field-inline">
          <label className="field-label" htmlFor={ids.margin}>
            {t('qa.sample.margin')}
          </label>
          <input
            id={ids.margin}
            className="input input-small input-number"
            type="number"
            min={0.5}
            max={50}
            step={0.5}
            value={margin}
            onChange={(e) => set('margin', e.target.value)}
          />
        </div>
      ) : (
        <div className="field field-inline">
          <label className="field-label" htmlFor={ids.per}>
            {t('qa.sample.perOperator')}
          </label>
          <input
            id={ids.per}
            className="input input-small input-number"
            type="number"
            min={1}
            max={100}
            value={perOperator}
            onChange={(e) => set('perOperator', e.target.value)}
          />
        </div>
      )}
    </div>
  );
}

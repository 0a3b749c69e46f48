import { useId, useState } from 'react';
import type { SamplingRuleInput, SamplingRuleView } from '../../../../schemas/sampling-rules.ts';
import { useSaveSamplingRule } from '../../api/sampling.ts';
import { FormFeedback } from '../../components/FormFeedback.tsx';
import { useT } from '../../i18n/index.ts';

const words = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
const numberOrNull = (s: string) => (s.trim() === '' ? null : Number(s));

/** A rule's fields as the QA lead types them; the server checks them and answers a 400 with a message. */
export function SamplingRuleForm({ rule, onDone }: { rule: SamplingRuleView | null; onDone(): void }) {
  const t = useT();
  const id = useId();
  const save = useSaveSamplingRule();
  const [name, setName] = useState(rule?.name ?? '');
  const [active, setActive] = useState(rule?.active ?? true);
  const [schedule, setSchedule] = useState<'daily' | 'weekly'>(rule?.schedule ?? 'daily');
  const [weekday, setWeekday] = useState(String(rule?.weekday ?? 1));
  const [quota, setQuota] = useState<'count' | 'percent'>(rule?.quota ?? 'count');
  const [perOperator, setPerOperator] = useState(String(rule?.perOperator ?? 2));
  const [percent, setPercent] = useState(String(rule?.percent ?? 5));
  const [minPerOperator, setMin] = useState(String(rule?.minPerOperator ?? 1));
  const [taskTypes, setTaskTypes] = useState(rule?.filter.taskTypes.join(', ') ?? '');
  const [talkMin, setTalkMin] = useState(rule?.filter.talkMinS?.toString() ?? '');
  const [talkMax, setTalkMax] = useState(rule?.filter.talkMaxS?.toString() ?? '');
  const [failedCheck, setFailedCheck] = useState(rule?.filter.failedCheck ?? '');
  const [claimed, setClaimed] = useState(rule?.filter.claimed ?? false);
  const [newOperators, setNewOperators] = useState(rule?.filter.newOperators ?? false);
  const [lowScore, setLowScore] = useState(rule?.filter.lowScoreBelow?.toString() ?? '');
  const [monitors, setMonitors] = useState(rule?.monitors.join(', ') ?? '');
  const [cap, setCap] = useState(String(rule?.capPerMonitorPerDay ?? 20));

  const body = (): SamplingRuleInput => ({
    name,
    active,
    schedule,
    weekday: Number(weekday),
    quota,
    perOperator: Number(perOperator),
    percent: Number(percent),
    minPerOperator: Number(minPerOperator),
    filter: {
      taskTypes: words(taskTypes),
      talkMinS: numberOrNull(talkMin),
      talkMaxS: numberOrNull(talkMax),
      failedCheck: failedCheck.trim() || null,
      claimed,
      newOperators,
      lowScoreBelow: numberOrNull(lowScore),
    },
    monitors: words(monitors),
    capPerMonitorPerDay: Number(cap),
  });
  const text = (key: Parameters<typeof t>[0], value: string, set: (v: string) => void, type = 'text') => (
    <div className="field">
      <label className="field-label" htmlFor={`${id}-${key}`}>
        {t(key)}
      </label>
      <input
        id={`${id}-${key}`}
        className="input"
        type={type}
        value={value}
        onChange={(e) => set(e.target.value)}
      />
    </div>
  );
  const check = (key: Parameters<typeof t>[0], value: boolean, set: (v: boolean) => void) => (
    <label className="checkbox">
      <input type="checkbox" checked={value} onChange={(e) => set(e.target.checked)} /> {t(key)}
    </label>
  );

  return (
    <form
      className="card inline-form"
      aria-label={rule ? `${t('sampling.edit')}: ${rule.name}` : t('sampling.new')}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ id: rule?.id ?? null, rule: body() }, { onSuccess: onDone });
      }}
    >
      <div className="form-grid">
        {text('sampling.name', name, setName)}
        <div className="field">
          <label className="field-label" htmlFor={`${id}-schedule`}>
            {t('sampling.schedule')}
          </label>
          <select
            id={`${id}-schedule`}
            className="select"
            value={schedule}
            onChange={(e) => setSchedule(e.target.value === 'weekly' ? 'weekly' : 'daily')}
          >
            <option value="daily">{t('sampling.schedule.daily')}</option>
            <option value="weekly">{t('sampling.schedule.weekly')}</option>
          </select>
        </div>
        {schedule === 'weekly' && text('sampling.weekday', weekday, setWeekday, 'number')}
        <div className="field">
          <label className="field-label" htmlFor={`${id}-quota`}>
            {t('sampling.quota')}
          </label>
          <select
            id={`${id}-quota`}
            className="select"
            value={quota}
            onChange={(e) => setQuota(e.target.value === 'percent' ? 'percent' : 'count')}
          >
            <option value="count">{t('sampling.quota.count')}</option>
            <option value="percent">{t('sampling.quota.percent')}</option>
          </select>
        </div>
        {quota === 'count' && text('sampling.perOperator', perOperator, setPerOperator, 'number')}
        {quota === 'percent' && text('sampling.percent', percent, setPercent, 'number')}
        {quota === 'percent' && text('sampling.minPerOperator', minPerOperator, setMin, 'number')}
        {text('sampling.taskTypes', taskTypes, setTaskTypes)}
        {text('sampling.talkMin', talkMin, setTalkMin, 'number')}
        {text('sampling.talkMax', talkMax, setTalkMax, 'number')}
        {text('sampling.failedCheck', failedCheck, setFailedCheck)}
        {text('sampling.lowScore', lowScore, setLowScore, 'number')}
        {text('sampling.monitors', monitors, setMonitors)}
        {text('sampling.cap', cap, setCap, 'number')}
      </div>
      {check('sampling.claimed', claimed, setClaimed)}
      {check('sampling.newOperators', newOperators, setNewOperators)}
      {check('sampling.active', active, setActive)}
      <FormFeedback error={save.error} />
      <div className="confirm-buttons">
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {t('sampling.save')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('sampling.cancel')}
        </button>
      </div>
    </form>
  );
}

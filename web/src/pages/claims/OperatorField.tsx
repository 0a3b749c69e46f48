import { useId } from 'react';
import type { RosterEntry } from '../../../../schemas/roster.ts';
import { useT } from '../../i18n/index.ts';

/** The operator a claim or an assessment is about, picked by name and team. */
export function OperatorField({
  roster,
  value,
  onChange,
}: {
  roster: readonly RosterEntry[];
  value: string;
  onChange(operatorId: string): void;
}) {
  const t = useT();
  const id = useId();
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {t('claims.form.operator')}
      </label>
      <select id={id} className="select" required value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('claims.form.chooseOperator')}</option>
        {roster.map((o) => (
          <option key={o.operatorId} value={o.operatorId}>
            {o.name} · {o.teamName ?? o.teamId}
          </option>
        ))}
      </select>
    </div>
  );
}

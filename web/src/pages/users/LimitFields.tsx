import type { TeamView } from '../../../../schemas/activity.ts';
import { Field } from '../../components/Field.tsx';
import { useT } from '../../i18n/index.ts';

export interface Limit {
  department: string | null;
  team: string | null;
}

export const NO_LIMIT: Limit = { department: null, team: null };

/**
 * Whose operators a head sees: a department or a team (a team lead), or neither. Choosing one
 * clears the other, as a head is limited to one of them only.
 */
export function LimitFields({
  teams,
  value,
  onChange,
}: {
  teams: readonly TeamView[];
  value: Limit;
  onChange(limit: Limit): void;
}) {
  const t = useT();
  const departments = [
    ...new Set(teams.map((x) => x.department).filter((d): d is string => d !== null)),
  ].sort();
  return (
    <>
      <Field label={t('users.limit.department')}>
        {(control) => (
          <select
            {...control}
            className="select"
            value={value.department ?? ''}
            onChange={(e) => onChange({ department: e.target.value || null, team: null })}
          >
            <option value="">{t('users.limit.none')}</option>
            {departments.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('users.limit.team')}>
        {(control) => (
          <select
            {...control}
            className="select"
            value={value.team ?? ''}
            onChange={(e) => onChange({ department: null, team: e.target.value || null })}
          >
            <option value="">{t('users.limit.none')}</option>
            {teams.map((x) => (
              <option key={x.teamId} value={x.teamId}>
                {x.name}
              </option>
            ))}
          </select>
        )}
      </Field>
    </>
  );
}

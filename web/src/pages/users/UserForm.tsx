import { useId, useState } from 'react';
import type { TeamView } from '../../../../schemas/activity.ts';
import { ROLES, type Role } from '../../../../schemas/roles.ts';
import type { RosterEntry } from '../../../../schemas/roster.ts';
import { useCreateUser } from '../../api/users.ts';
import { FormFeedback } from '../../components/FormFeedback.tsx';
import { useT } from '../../i18n/index.ts';
import { OperatorField } from '../claims/OperatorField.tsx';
import { type Limit, LimitFields, NO_LIMIT } from './LimitFields.tsx';

/** Creates a user; an operator user is linked to his operator, a head may be limited. */
export function UserForm({
  teams,
  roster,
  onDone,
}: {
  teams: readonly TeamView[];
  roster: readonly RosterEntry[];
  onDone(): void;
}) {
  const t = useT();
  const id = useId();
  const create = useCreateUser();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('head');
  const [operatorId, setOperatorId] = useState('');
  const [limit, setLimit] = useState<Limit>(NO_LIMIT);
  const [password, setPassword] = useState('');
  return (
    <form
      className="card inline-form"
      aria-label={t('users.form.title')}
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate(
          {
            username: username.trim(),
            ...(displayName.trim() ? { displayName: displayName.trim() } : {}),
            role,
            operatorId: role === 'operator' ? operatorId : null,
            ...(role === 'head' ? limit : NO_LIMIT),
            password,
          },
          { onSuccess: onDone },
        );
      }}
    >
      <h2 className="card-title">{t('users.form.title')}</h2>
      <div className="form-grid">
        <div className="field">
          <label className="field-label" htmlFor={`${id}-user`}>
            {t('users.form.username')}
          </label>
          <input
            id={`${id}-user`}
            className="input"
            required
            autoComplete="off"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-name`}>
            {t('users.form.displayName')}
          </label>
          <input
            id={`${id}-name`}
            className="input"
            value={displayName}
            onChange={(e) => setDisplayName(e.target.value)}
          />
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-role`}>
            {t('users.form.role')}
          </label>
          <select
            id={`${id}-role`}
            className="select"
            value={role}
            onChange={(e) => setRole(e.target.value as Role)}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-pw`}>
            {t('users.form.password')}
          </label>
          <input
            id={`${id}-pw`}
            className="input"
            type="password"
            required
            minLength={8}
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        {role === 'operator' && <OperatorField roster={roster} value={operatorId} onChange={setOperatorId} />}
        {role === 'head' && <LimitFields teams={teams} value={limit} onChange={setLimit} />}
      </div>
      {role === 'head' && <p className="card-meta sentence">{t('users.limit.hint')}</p>}
      <FormFeedback error={create.error} />
      <div className="confirm-buttons">
        <button type="submit" className="button button-primary button-small" disabled={create.isPending}>
          {create.isPending ? t('users.form.saving') : t('users.form.save')}
        </button>
        <button type="button" className="button button-ghost button-small" onClick={onDone}>
          {t('users.form.cancel')}
        </button>
      </div>
    </form>
  );
}

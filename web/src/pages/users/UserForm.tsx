import { useState } from 'react';
import type { TeamView } from '../../../../schemas/activity.ts';
import { ROLES, type Role } from '../../../../schemas/roles.ts';
import type { RosterEntry } from '../../../../schemas/roster.ts';
import { useCreateUser } from '../../api/users.ts';
import { Field } from '../../components/Field.tsx';
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
        <Field label={t('users.form.username')}>
          {(control) => (
            <input
              {...control}
              className="input"
              required
              autoComplete="off"
              value={username}
              onChange={(e) => setUsername(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('users.form.displayName')}>
          {(control) => (
            <input
              {...control}
              className="input"
              value={displayName}
              onChange={(e) => setDisplayName(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('users.form.role')}>
          {(control) => (
            <select
              {...control}
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
          )}
        </Field>
        <Field label={t('users.form.password')}>
          {(control) => (
            <input
              {...control}
              className="input"
              type="password"
              required
              minLength={8}
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
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

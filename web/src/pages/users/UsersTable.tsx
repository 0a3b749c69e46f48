import { useState } from 'react';
import type { TeamView } from '../../../../schemas/activity.ts';
import type { UserView } from '../../../../schemas/users.ts';
import { useSaveUserEmail, useUserEmails } from '../../api/notifications.ts';
import { useSetUserLimit } from '../../api/users.ts';
import { FormFeedback } from '../../components/FormFeedback.tsx';
import { type Translate, useT } from '../../i18n/index.ts';
import { type Limit, LimitFields } from './LimitFields.tsx';

/** Whose data a user sees, in words: his own, a head's department or team, or every operator. */
function sees(user: UserView, teams: readonly TeamView[], t: Translate): string {
  if (user.operatorId) return t('users.sees.operator', { operator: user.operatorId });
  if (user.team) {
    const name = teams.find((x) => x.teamId === user.team)?.name ?? user.team;
    return t('users.sees.team', { team: name });
  }
  if (user.department) return t('users.sees.department', { department: user.department });
  return t('users.sees.all');
}

/** Changes a head's department or team in place. */
function EditLimit({ user, teams, onDone }: { user: UserView; teams: readonly TeamView[]; onDone(): void }) {
  const t = useT();
  const save = useSetUserLimit();
  const [limit, setLimit] = useState<Limit>({ department: user.department, team: user.team });
  return (
    <form
      className="decide"
      aria-label={t('users.limit.title', { name: user.username })}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ id: user.id, ...limit }, { onSuccess: onDone });
      }}
    >
      <LimitFields teams={teams} value={limit} onChange={setLimit} />
      <button type="submit" className="button button-primary button-small" disabled={save.isPending}>
        {save.isPending ? t('users.limit.saving') : t('users.limit.save')}
      </button>
      <button type="button" className="button button-ghost button-small" onClick={onDone}>
        {t('users.limit.cancel')}
      </button>
      <FormFeedback error={save.error} inline />
    </form>
  );
}

/** Changes a user's address for notification e-mail, and whether he gets any. */
function EditEmail({
  id,
  username,
  email,
  emailOff,
  onDone,
}: {
  id: number;
  username: string;
  email: string | null;
  emailOff: boolean;
  onDone(): void;
}) {
  const t = useT();
  const save = useSaveUserEmail();
  const [address, setAddress] = useState(email ?? '');
  const [off, setOff] = useState(emailOff);
  return (
    <form
      className="decide"
      aria-label={t('users.email.title', { name: username })}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ id, email: address.trim() || null, emailOff: off }, { onSuccess: onDone });
      }}
    >
      <input
        className="input"
        type="email"
        aria-label={t('users.col.email')}
        value={address}
        onChange={(e) => setAddress(e.target.value)}
      />
      <label className="bell-email-off">
        <input type="checkbox" checked={off} onChange={(e) => setOff(e.target.checked)} />
        <span>{t('notify.emailOff')}</span>
      </label>
      <button type="submit" className="button button-primary button-small" disabled={save.isPending}>
        {t('users.limit.save')}
      </button>
      <button type="button" className="button button-ghost button-small" onClick={onDone}>
        {t('users.limit.cancel')}
      </button>
      <FormFeedback error={save.error} inline />
    </form>
  );
}

/** Every user with his role and what he sees; a head's limit can be changed here. */
export function UsersTable({ users, teams }: { users: readonly UserView[]; teams: readonly TeamView[] }) {
  const t = useT();
  const [editing, setEditing] = useState<number | null>(null);
  const [editingEmail, setEditingEmail] = useState<number | null>(null);
  const emails = new Map((useUserEmails().data?.users ?? []).map((u) => [u.id, u]));
  return (
    <div className="table-scroll">
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('users.col.username')}</th>
            <th scope="col">{t('users.col.name')}</th>
            <th scope="col">{t('users.col.role')}</th>
            <th scope="col">{t('users.col.sees')}</th>
            <th scope="col">{t('users.col.email')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} data-user={u.username}>
              <td className="cell-name">{u.username}</td>
              <td>{u.displayName}</td>
              <td>{t(`role.${u.role}`)}</td>
              <td className="cell-wrap">
                {editing === u.id ? (
                  <EditLimit user={u} teams={teams} onDone={() => setEditing(null)} />
                ) : (
                  <div className="decide">
                    <span>{sees(u, teams, t)}</span>
                    {u.role === 'head' && (
                      <button
                        type="button"
                        className="button button-ghost button-small"
                        aria-label={t('users.limit.title', { name: u.username })}
                        onClick={() => setEditing(u.id)}
                      >
                        {t('users.limit.change')}
                      </button>
                    )}
                  </div>
                )}
              </td>
              <td className="cell-wrap">
                {editingEmail === u.id ? (
                  <EditEmail
                    id={u.id}
                    username={u.username}
                    email={emails.get(u.id)?.email ?? null}
                    emailOff={emails.get(u.id)?.emailOff ?? false}
                    onDone={() => setEditingEmail(null)}
                  />
                ) : (
                  <div className="decide">
                    <span>
                      {emails.get(u.id)?.email ?? '—'}
                      {emails.get(u.id)?.emailOff ? ` (${t('users.email.off')})` : ''}
                    </span>
                    <button
                      type="button"
                      className="button button-ghost button-small"
                      aria-label={t('users.email.title', { name: u.username })}
                      onClick={() => setEditingEmail(u.id)}
                    >
                      {t('users.limit.change')}
                    </button>
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

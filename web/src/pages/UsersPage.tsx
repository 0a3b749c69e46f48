import { useState } from 'react';
import { useRoster } from '../api/claims.ts';
import { useTeams } from '../api/hooks.ts';
import { useUsers } from '../api/users.ts';
import { PageHeader } from '../components/PageHeader.tsx';
import { EmptyState, ErrorState, Skeleton } from '../components/states.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import { useFormat } from '../format.ts';
import { useT } from '../i18n/index.ts';
import { UserForm } from './users/UserForm.tsx';
import { UsersTable } from './users/UsersTable.tsx';

/** Users (administrator): who signs in, in which role, and whose operators a head sees. */
export default function UsersPage() {
  const t = useT();
  const fmt = useFormat();
  useDocumentTitle(t('users.title'));
  const users = useUsers();
  const teams = useTeams();
  const roster = useRoster();
  const [adding, setAdding] = useState(false);
  const list = users.data?.users;
  const teamList = teams.data?.teams ?? [];

  return (
    <div className="page">
      <PageHeader title={t('users.title')} subtitle={t('users.subtitle')} />
      <div className="toolbar">
        {!adding && (
          <button
            type="button"
            className="button button-primary button-small toolbar-end"
            onClick={() => setAdding(true)}
          >
            {t('users.add')}
          </button>
        )}
      </div>
      {adding && (
        <UserForm teams={teamList} roster={roster.data?.operators ?? []} onDone={() => setAdding(false)} />
      )}
      <section className="card" aria-label={t('users.title')}>
        {list && (
          <header className="card-header">
            <span className="card-meta">{t('users.count', { count: fmt.integer(list.length) })}</span>
          </header>
        )}
        {users.isError ? (
          <ErrorState error={users.error} onRetry={() => void users.refetch()} />
        ) : !list ? (
          <Skeleton height={240} />
        ) : list.length === 0 ? (
          <EmptyState title={t('users.empty')} />
        ) : (
          <UsersTable users={list} teams={teamList} />
        )}
      </section>
    </div>
  );
}

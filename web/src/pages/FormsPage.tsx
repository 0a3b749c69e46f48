import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { FormSummary } from '../../../schemas/forms.ts';
import { useNames } from '../api/names.ts';
import { useArchiveForm, useForms } from '../api/qa.ts';
import { useCan } from '../auth/access.tsx';
import { useClock } from '../clock.ts';
import { FormFeedback } from '../components/FormFeedback.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { EmptyState, ErrorState, LoadingRegion, Skeleton } from '../components/states.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import { useFormat } from '../format.ts';
import { useT } from '../i18n/index.ts';

/** Forms (QA lead): every monitoring form with its versions; build a new one or edit the latest. */
export default function FormsPage() {
  const t = useT();
  const fmt = useFormat();
  const dt = useClock();
  const names = useNames();
  useDocumentTitle(t('qa.forms.title'));
  const forms = useForms(true);
  const archive = useArchiveForm();
  const mayCreate = useCan('forms.create');
  const mayArchive = useCan('forms.archive');
  const [confirming, setConfirming] = useState<number | null>(null);
  const groups = useMemo(() => {
    const by = new Map<string, FormSummary[]>();
    for (const f of forms.data?.forms ?? []) by.set(f.formKey, [...(by.get(f.formKey) ?? []), f]);
    return [...by.values()].map((versions) => {
      const sorted = [...versions].sort((a, b) => b.version - a.version);
      return { latest: sorted[0] as FormSummary, versions: sorted };
    });
  }, [forms.data]);

  return (
    <div className="page">
      <PageHeader
        title={t('qa.forms.title')}
        subtitle={t('qa.forms.subtitle')}
        actions={
          mayCreate && (
            <Link className="button button-primary" to="/forms/new">
              {t('qa.forms.new')}
            </Link>
          )
        }
      />
      <FormFeedback error={archive.error} />
      {forms.isError ? (
        <ErrorState error={forms.error} onRetry={() => void forms.refetch()} />
      ) : !forms.data ? (
        <LoadingRegion label={t('app.loading')}>
          <Skeleton height={240} />
        </LoadingRegion>
      ) : groups.length === 0 ? (
        <section className="card">
          <EmptyState title={t('qa.forms.empty.title')}>{t('qa.forms.empty.body')}</EmptyState>
        </section>
      ) : (
        <div className="form-cards">
          {groups.map(({ latest, versions }) => (
            <section key={latest.formKey} className="card form-card" aria-labelledby={`form-${latest.id}`}>
              <header className="card-header">
                <div className="card-heading">
                  <h2 className="card-title" id={`form-${latest.id}`}>
                    {latest.name}
                  </h2>
                  <span
                    className={latest.status === 'archived' ? 'badge badge-neutral' : 'badge badge-locked'}
                  >
                    {t(`qa.forms.status.${latest.status}`)}
                  </span>
                </div>
                {latest.status === 'published' && (
                  <div className="confirm-buttons">
                    <Link className="button button-secondary button-small" to={`/forms/${latest.id}/edit`}>
                      {t('qa.forms.edit')}
                    </Link>
                    {!mayArchive ? null : confirming === latest.id ? (
                      <>
                        <button
                          type="button"
                          className="button button-primary button-small"
                          disabled={archive.isPending}
                          onClick={() => archive.mutate(latest.id, { onSuccess: () => setConfirming(null) })}
                        >
                          {t('qa.forms.archiveYes')}
                        </button>
                        <button
                          type="button"
                          className="button button-ghost button-small"
                          onClick={() => setConfirming(null)}
                        >
                          {t('qa.cancel')}
                        </button>
                      </>
                    ) : (
                      <button
                        type="button"
                        className="button button-ghost button-small"
                        onClick={() => setConfirming(latest.id)}
                      >
                        {t('qa.forms.archive')}
                      </button>
                    )}
                  </div>
                )}
              </header>
              <div className="card-body">
                {latest.description && <p className="card-text">{latest.description}</p>}
                <ol className="version-list">
                  {versions.map((v) => (
                    <li key={v.id} className={v.latest ? 'is-current' : undefined}>
                      <span className="version-name">{t('qa.forms.version', { version: v.version })}</span>
                      <span className="cell-muted">
                        {t('qa.forms.versionMeta', {
                          questions: fmt.integer(v.questions),
                          evaluations: fmt.integer(v.evaluations),
                          date: dt.date(v.createdAt),
                          user: names.user(v.createdBy),
                        })}
                      </span>
                      {v.latest && <span className="badge badge-open">{t('qa.forms.latest')}</span>}
                    </li>
                  ))}
                </ol>
              </div>
            </section>
          ))}
        </div>
      )}
    </div>
  );
}

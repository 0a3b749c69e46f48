import { useRuleVersions } from '../../api/autoqa.ts';
import { useClock } from '../../clock.ts';
import { Card } from '../../components/Card.tsx';
import { ErrorState, Skeleton } from '../../components/states.tsx';
import { useT } from '../../i18n/index.ts';

/** Every saved version of the rule set: who saved it and when; one can be opened to look at. */
export function RuleVersionsCard({
  viewing,
  onView,
}: {
  viewing: number | null;
  onView: (version: number | null) => void;
}) {
  const t = useT();
  const clock = useClock();
  const versions = useRuleVersions();
  return (
    <Card id="aq-versions-title" title={t('autoqa.versions.title')}>
      <div className="card-body">
        {versions.isError ? (
          <ErrorState compact error={versions.error} onRetry={() => void versions.refetch()} />
        ) : !versions.data ? (
          <Skeleton height={120} />
        ) : (
          <table className="data-table compact-table aq-versions">
            <thead>
              <tr>
                <th scope="col">{t('autoqa.versions.version')}</th>
                <th scope="col">{clock.withZone(t('autoqa.versions.savedAt'))}</th>
                <th scope="col">{t('autoqa.versions.savedBy')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('autoqa.versions.view')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {versions.data.versions.map((v, i) => (
                <tr key={v.version} className={v.version === viewing ? 'is-selected' : undefined}>
                  <td>
                    {v.version}
                    {i === 0 && <span className="badge badge-muted">{t('autoqa.versions.inForce')}</span>}
                  </td>
                  <td>{clock.dateTime(v.createdAt)}</td>
                  <td>{v.createdBy}</td>
                  <td>
                    {i > 0 && (
                      <button
                        type="button"
                        className="link-button"
                        aria-pressed={v.version === viewing}
                        onClick={() => onView(v.version === viewing ? null : v.version)}
                      >
                        {v.version === viewing ? t('autoqa.versions.close') : t('autoqa.versions.view')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </Card>
  );
}

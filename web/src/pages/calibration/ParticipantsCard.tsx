import { Link, useNavigate } from 'react-router';
import type { CalibrationSession } from '../../../../schemas/calibration.ts';
import { useNames } from '../../api/names.ts';
import { useCloseCalibration, useStartCalibrationScoring } from '../../api/qa.ts';
import { Card } from '../../components/Card.tsx';
import { FormFeedback } from '../../components/FormFeedback.tsx';
import { useT } from '../../i18n/index.ts';
import { mayClose, ownScoring, type Viewer } from './calibration.ts';

/** Who scores the session and who has submitted; the viewer's scoring, and a lead's close. */
export function ParticipantsCard({ session, user }: { session: CalibrationSession; user: Viewer }) {
  const t = useT();
  const names = useNames();
  const navigate = useNavigate();
  const start = useStartCalibrationScoring();
  const close = useCloseCalibration();
  const own = ownScoring(session, user);
  const failure = start.error ?? close.error;
  return (
    <Card
      id="participants-title"
      title={t('qa.calibration.participants')}
      actions={
        <div className="confirm-buttons">
          {own.kind === 'open' && (
            <Link
              className="button button-primary button-small"
              to={`/evaluations/${encodeURIComponent(own.evaluationId)}`}
            >
              {own.submitted ? t('qa.calibration.viewMine') : t('qa.calibration.continue')}
            </Link>
          )}
          {own.kind === 'start' && (
            <button
              type="button"
              className="button button-primary button-small"
              disabled={start.isPending}
              onClick={() =>
                start.mutate(session.id, {
                  onSuccess: (r) => navigate(`/evaluations/${encodeURIComponent(r.evaluation.id)}`),
                })
              }
            >
              {t('qa.calibration.start')}
            </button>
          )}
          {mayClose(session, user) && (
            <button
              type="button"
              className="button button-secondary button-small"
              disabled={close.isPending}
              onClick={() => close.mutate(session.id)}
            >
              {t('qa.calibration.close')}
            </button>
          )}
        </div>
      }
    >
      <div className="card-body">
        {session.status === 'open' && <p className="card-text">{t('qa.calibration.blind')}</p>}
        <ul className="participant-list">
          {session.participants.map((p) => (
            <li key={p.monitor}>
              <span className="cell-name">{names.user(p.monitor)}</span>
              {p.reference && <span className="badge badge-open">{t('qa.calibration.referenceBadge')}</span>}
              <span className={p.submitted ? 'badge badge-locked' : 'badge badge-neutral'}>
                {p.submitted ? t('qa.calibration.submitted') : t('qa.calibration.pending')}
              </span>
            </li>
          ))}
        </ul>
        <FormFeedback error={failure} />
      </div>
    </Card>
  );
}

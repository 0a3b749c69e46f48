import { useCalibrations, useStrictness } from '../../api/qa.ts';
import { useCan } from '../../auth/access.tsx';
import { useSession } from '../../auth/session.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { useT } from '../../i18n/index.ts';
import { isLead } from './calibration.ts';
import { NewSessionCard } from './NewSessionCard.tsx';
import { SessionsCard } from './SessionsCard.tsx';
import { StrictnessCard } from './StrictnessCard.tsx';

/** Calibration: sessions I am invited to (or run), a new session, and each monitor's strictness. */
export default function CalibrationPage() {
  const t = useT();
  useDocumentTitle(t('qa.calibration.title'));
  const { user } = useSession();
  const lead = isLead(user);
  const sessions = useCalibrations();
  const readsStrictness = useCan('calibration.strictness');
  const strictness = useStrictness(readsStrictness);

  return (
    <div className="page">
      <PageHeader
        title={t('qa.calibration.title')}
        subtitle={lead ? t('qa.calibration.subtitleLead') : t('qa.calibration.subtitle')}
      />
      {lead && <NewSessionCard />}
      <SessionsCard sessions={sessions} user={user} />
      {readsStrictness && <StrictnessCard strictness={strictness} />}
    </div>
  );
}

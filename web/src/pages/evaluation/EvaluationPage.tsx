import { useParams } from 'react-router';
import { useEvaluation } from '../../api/qa.ts';
import { ErrorState } from '../../components/states.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { useT } from '../../i18n/index.ts';
import { WorkspaceSkeleton } from '../qa/shared.tsx';
import { Workspace } from './Workspace.tsx';

/**
 * The evaluation workspace: the call's facts and recording beside the form. A monitor answers and
 * submits his draft; the operator acknowledges or disputes; a QA lead decides a dispute.
 */
export default function EvaluationPage() {
  const t = useT();
  const { id = '' } = useParams();
  useDocumentTitle(t('qa.evaluation.title', { id }));
  const query = useEvaluation(id);
  const evaluation = query.data?.evaluation;

  if (query.isError) {
    return (
      <div className="page">
        <h1 className="page-title">{t('qa.evaluation.title', { id })}</h1>
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      </div>
    );
  }
  if (!evaluation) {
    return <WorkspaceSkeleton mainHeight={620} />;
  }
  return <Workspace key={evaluation.id} evaluation={evaluation} />;
}

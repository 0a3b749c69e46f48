import { Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { HomeRedirect, PageGate } from './auth/access.tsx';
import { FullPageLoading, RequireAuth } from './auth/session.tsx';
import { chartsChunk, strictnessChunk } from './components/charts/chunks.ts';
import { type Chunk, lazyChunk } from './components/chunk.ts';
import { ErrorBoundary } from './components/ErrorBoundary.tsx';

// Each screen is its own chunk, so the login page does not download the charts.
const LoginPage = lazyChunk(() => import('./pages/LoginPage.tsx'));
const AppShell = lazyChunk(() => import('./components/AppShell.tsx'));
const DashboardPage = lazyChunk(() => import('./pages/DashboardPage.tsx'));
const OperatorPage = lazyChunk(() => import('./pages/OperatorPage.tsx'));
const NotFoundPage = lazyChunk(() => import('./pages/NotFoundPage.tsx'));
const PayrollPage = lazyChunk(() => import('./pages/PayrollPage.tsx'));
const PayRulesPage = lazyChunk(() => import('./pages/PayRulesPage.tsx'));
const ClaimsPage = lazyChunk(() => import('./pages/ClaimsPage.tsx'));
const PlansPage = lazyChunk(() => import('./pages/PlansPage.tsx'));
const UsersPage = lazyChunk(() => import('./pages/UsersPage.tsx'));
const SettingsPage = lazyChunk(() => import('./pages/SettingsPage.tsx'));
const ImportsPage = lazyChunk(() => import('./pages/ImportsPage.tsx'));
const TranscribePage = lazyChunk(() => import('./pages/TranscribePage.tsx'));
const ImportDetailPage = lazyChunk(() => import('./pages/imports/ImportDetailPage.tsx'));
const CallQueuePage = lazyChunk(() => import('./pages/call-queue/CallQueuePage.tsx'));
const CallPage = lazyChunk(() => import('./pages/CallPage.tsx'));
const WorklistPage = lazyChunk(() => import('./pages/WorklistPage.tsx'));
const EvaluationPage = lazyChunk(() => import('./pages/evaluation/EvaluationPage.tsx'));
const MyEvaluationsPage = lazyChunk(() => import('./pages/MyEvaluationsPage.tsx'));
const DisputesPage = lazyChunk(() => import('./pages/DisputesPage.tsx'));
const FormsPage = lazyChunk(() => import('./pages/FormsPage.tsx'));
const FormBuilderPage = lazyChunk(() => import('./pages/form-builder/FormBuilderPage.tsx'));
const CalibrationPage = lazyChunk(() => import('./pages/calibration/CalibrationPage.tsx'));
const CalibrationSessionPage = lazyChunk(() => import('./pages/calibration/CalibrationSessionPage.tsx'));
const AccuracyPage = lazyChunk(() => import('./pages/autoqa/AccuracyPage.tsx'));
const AutoqaRulesPage = lazyChunk(() => import('./pages/autoqa/AutoqaRulesPage.tsx'));
const AppealsPage = lazyChunk(() => import('./pages/AppealsPage.tsx'));
const GradersPage = lazyChunk(() => import('./pages/graders/GradersPage.tsx'));
const SamplingRulesPage = lazyChunk(() => import('./pages/sampling/SamplingRulesPage.tsx'));
const CoachingListPage = lazyChunk(() => import('./pages/coaching/CoachingListPage.tsx'));
const NewCoachingPage = lazyChunk(() => import('./pages/coaching/NewCoachingPage.tsx'));
const CoachingSessionPage = lazyChunk(() => import('./pages/coaching/CoachingSessionPage.tsx'));
const SelfEvaluationsPage = lazyChunk(() => import('./pages/self-evaluation/SelfEvaluationsPage.tsx'));
const SelfEvaluationPage = lazyChunk(() => import('./pages/self-evaluation/SelfEvaluationPage.tsx'));

export function App() {
  return (
    <ErrorBoundary>
      <Suspense fallback={<FullPageLoading />}>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route
            element={
              <RequireAuth>
                <AppShell />
              </RequireAuth>
            }
          >
            <Route index element={<HomeRedirect />} />
            {/* Every page opens only for the roles that may take what it needs (routes.ts). */}
            <Route element={<PageGate />}>
              <Route path="dashboard" element={<DashboardPage />} />
              <Route path="operators/:id" element={<OperatorPage />} />
              <Route path="payroll" element={<PayrollPage />} />
              <Route path="pay-rules" element={<PayRulesPage />} />
              <Route path="claims" element={<ClaimsPage />} />
              <Route path="plans" element={<PlansPage />} />
              <Route path="users" element={<UsersPage />} />
              <Route path="settings" element={<SettingsPage />} />
              <Route path="imports" element={<ImportsPage />} />
              <Route path="imports/:id" element={<ImportDetailPage />} />
              <Route path="transcribe" element={<TranscribePage />} />
              <Route path="calls" element={<CallQueuePage />} />
              <Route path="calls/:id" element={<CallPage />} />
              <Route path="worklist" element={<WorklistPage />} />
              <Route path="evaluations/:id" element={<EvaluationPage />} />
              <Route path="my-evaluations" element={<MyEvaluationsPage />} />
              <Route path="disputes" element={<DisputesPage />} />
              <Route path="forms" element={<FormsPage />} />
              <Route path="forms/new" element={<FormBuilderPage />} />
              <Route path="forms/:id/edit" element={<FormBuilderPage />} />
              <Route path="calibration" element={<CalibrationPage />} />
              <Route path="calibration/:id" element={<CalibrationSessionPage />} />
              <Route path="autoqa/accuracy" element={<AccuracyPage />} />
              <Route path="autoqa/rules" element={<AutoqaRulesPage />} />
              <Route path="appeals" element={<AppealsPage />} />
              <Route path="qa/graders" element={<GradersPage />} />
              <Route path="qa/sampling" element={<SamplingRulesPage />} />
              <Route path="coaching" element={<CoachingListPage />} />
              <Route path="coaching/new" element={<NewCoachingPage />} />
              <Route path="coaching/:id" element={<CoachingSessionPage />} />
              <Route path="self-evaluations" element={<SelfEvaluationsPage />} />
              <Route path="self-evaluations/:id" element={<SelfEvaluationPage />} />
            </Route>
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </Suspense>
    </ErrorBoundary>
  );
}

/** The page each address opens (first match wins), with the charts it draws. */
const PAGE_OF: { path: RegExp; page: { preload(): Promise<unknown> }; charts?: Chunk<unknown> }[] = [
  { path: /^\/$/, page: DashboardPage, charts: chartsChunk },
  { path: /^\/operators\/[^/]+$/, page: OperatorPage, charts: chartsChunk },
  { path: /^\/calls$/, page: CallQueuePage },
  { path: /^\/calls\/[^/]+$/, page: CallPage },
  { path: /^\/evaluations\/[^/]+$/, page: EvaluationPage },
  { path: /^\/worklist$/, page: WorklistPage },
  { path: /^\/my-evaluations$/, page: MyEvaluationsPage },
  { path: /^\/disputes$/, page: DisputesPage },
  { path: /^\/appeals$/, page: AppealsPage },
  { path: /^\/qa\/graders$/, page: GradersPage },
  { path: /^\/calibration$/, page: CalibrationPage, charts: strictnessChunk },
  { path: /^\/calibration\/[^/]+$/, page: CalibrationSessionPage },
  { path: /^\/autoqa\/accuracy$/, page: AccuracyPage },
  { path: /^\/payroll$/, page: PayrollPage },
  { path: /^\/claims$/, page: ClaimsPage },
  { path: /^\/plans$/, page: PlansPage },
];

/**
 * Asks at once for the code an address needs: the shell and its page for a signed-in user (and
 * the page's charts, not waited for), the login page otherwise. Rendered one inside the other
 * they would be asked for one after the other.
 */
export function preloadRoute(pathname: string, signedIn: boolean): Promise<unknown> {
  if (!signedIn || pathname === '/login') return LoginPage.preload();
  const route = PAGE_OF.find((r) => r.path.test(pathname));
  void route?.charts?.load().catch(() => undefined);
  return Promise.all([AppShell.preload(), route?.page.preload()]);
}

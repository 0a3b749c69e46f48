import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { HomeRedirect, PageGate } from './auth/access.tsx';
import { FullPageLoading, RequireAuth } from './auth/session.tsx';
import { ErrorBoundary } from './components/ErrorBoundary.tsx';

// Each screen is its own chunk, so the login page does not download the charts.
const LoginPage = lazy(() => import('./pages/LoginPage.tsx'));
const AppShell = lazy(() => import('./components/AppShell.tsx'));
const DashboardPage = lazy(() => import('./pages/DashboardPage.tsx'));
const OperatorPage = lazy(() => import('./pages/OperatorPage.tsx'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage.tsx'));
const PayrollPage = lazy(() => import('./pages/PayrollPage.tsx'));
const PayRulesPage = lazy(() => import('./pages/PayRulesPage.tsx'));
const ClaimsPage = lazy(() => import('./pages/ClaimsPage.tsx'));
const PlansPage = lazy(() => import('./pages/PlansPage.tsx'));
const UsersPage = lazy(() => import('./pages/UsersPage.tsx'));
const SettingsPage = lazy(() => import('./pages/SettingsPage.tsx'));
const ImportsPage = lazy(() => import('./pages/ImportsPage.tsx'));
const ImportDetailPage = lazy(() => import('./pages/imports/ImportDetailPage.tsx'));
const CallQueuePage = lazy(() => import('./pages/call-queue/CallQueuePage.tsx'));
const CallPage = lazy(() => import('./pages/CallPage.tsx'));
const WorklistPage = lazy(() => import('./pages/WorklistPage.tsx'));
const EvaluationPage = lazy(() => import('./pages/evaluation/EvaluationPage.tsx'));
const MyEvaluationsPage = lazy(() => import('./pages/MyEvaluationsPage.tsx'));
const DisputesPage = lazy(() => import('./pages/DisputesPage.tsx'));
const FormsPage = lazy(() => import('./pages/FormsPage.tsx'));
const FormBuilderPage = lazy(() => import('./pages/form-builder/FormBuilderPage.tsx'));
const CalibrationPage = lazy(() => import('./pages/calibration/CalibrationPage.tsx'));
const CalibrationSessionPage = lazy(() => import('./pages/calibration/CalibrationSessionPage.tsx'));

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
            </Route>
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </Suspense>
    </ErrorBoundary>
  );
}

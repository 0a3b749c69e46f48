import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
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
const ImportsPage = lazy(() => import('./pages/ImportsPage.tsx'));
const ImportDetailPage = lazy(() => import('./pages/imports/ImportDetailPage.tsx'));

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
            <Route index element={<DashboardPage />} />
            <Route path="operators/:id" element={<OperatorPage />} />
            <Route path="payroll" element={<PayrollPage />} />
            <Route path="pay-rules" element={<PayRulesPage />} />
            <Route path="imports" element={<ImportsPage />} />
            <Route path="imports/:id" element={<ImportDetailPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </Suspense>
    </ErrorBoundary>
  );
}

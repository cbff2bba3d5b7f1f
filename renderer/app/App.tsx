// Providers in the order the CSP requires: antd must render from its static stylesheet
// (zeroRuntime + the cssVar key antd.css was built with), and messages must come from App.useApp().
import { App as AntApp, ConfigProvider } from 'antd';
import { LoadingOutlined } from '@ant-design/icons';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { HashRouter, Route, Routes } from 'react-router';
import { useLanguage } from '../i18n';
import { SessionProvider } from './session';
import { Gate } from './Gate';
import { PrintLayout } from './PrintLayout';

// People who ask their system for less motion get none: dialogs, drawers, dropdowns and messages
// appear and go at once (and the browser tests, which ask the same, never click mid-animation).
const reducedMotion = typeof window !== 'undefined' && !!window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
// See electron/desktop/csp.ts: this key must match the selector in antd/dist/antd.css.
const THEME = { zeroRuntime: true, cssVar: { key: 'css-var-_R_0_' }, ...(reducedMotion ? { token: { motion: false } } : {}) } as const;
// Two-character Chinese labels stay as written (保存, not 保 存), and the spinner is decorative: a
// busy button keeps its name (登录, not "loading 登录" in English) for screen readers and tests.
const BUTTON = { autoInsertSpace: false, loadingIcon: <LoadingOutlined aria-hidden /> };

const queryClient = new QueryClient({
  defaultOptions: {
    // No background refetching: every call counts as activity in the core, and idle lock must
    // reflect a person who is really away.
    queries: { retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false, refetchInterval: false, staleTime: 30_000 },
    mutations: { retry: false },
  },
});

export function App() {
  const { antdLocale } = useLanguage();
  return (
    <ConfigProvider locale={antdLocale} theme={THEME} button={BUTTON}>
      <AntApp className="app-root">
        <QueryClientProvider client={queryClient}>
          <SessionProvider>
            <HashRouter>
              <Routes>
                <Route path="/print/*" element={<PrintLayout />} />
                <Route path="*" element={<Gate />} />
              </Routes>
            </HashRouter>
          </SessionProvider>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}

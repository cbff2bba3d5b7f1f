// Entry: static antd sheets first (the CSP forbids runtime <style> injection), then ours.
import 'antd/dist/reset.css';
import 'antd/dist/antd.css';
import './styles/app.css';
import './csp-setup';
import './i18n';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { api } from './api';

api.init();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

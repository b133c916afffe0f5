// Entry point: languages first (so the first frame is already in the clerk's
// language), then the counter screen.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { initI18n } from './i18n';
import { installLatinDigits } from './scanning/typed-digits';
import './fonts.css';
import './styles.css';

initI18n();
installLatinDigits(window);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

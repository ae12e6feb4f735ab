import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { preloadEverydayScreens } from './app/startScreens';

const root = document.getElementById('root');
if (!root) throw new Error('missing #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
// After the first paint: the patient list and the screening, so they are ready after sign-in.
window.setTimeout(preloadEverydayScreens, 0);

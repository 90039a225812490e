import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { installConsoleApi } from './console-api';
import { initHistory } from './controllers/history-controller';
import { applyLessonFromUrl } from './controllers/lesson-controller';
import { watchAdmittedOrigins } from './controllers/server-origins';
import { initTools } from './controllers/tools-controller';
import { useAppStore } from './store';
import { App } from './ui/App/App';
import './ui/styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
installConsoleApi();
// The GPU probe and the WebLLM model list: their code is not part of the first load.
void import('./controllers/models-controller').then((m) => m.initModels());
void initTools().then(async () => {
  const notice = await applyLessonFromUrl();
  if (notice) useAppStore.getState().setPageNotice(notice);
});
void initHistory();
watchAdmittedOrigins();

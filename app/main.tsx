import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { installConsoleApi } from './console-api';
import { useAppStore } from './store';
import { initHistory } from './store/history-controller';
import { applyLessonFromUrl } from './store/lesson-controller';
import { initTools } from './store/tools-controller';
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
void import('./store/models-controller').then((m) => m.initModels());
void initTools().then(async () => {
  const notice = await applyLessonFromUrl();
  if (notice) useAppStore.getState().setPageNotice(notice);
});
void initHistory();

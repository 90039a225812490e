import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { installConsoleApi } from './console-api';
import { initModels } from './store/models-controller';
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
void initModels();

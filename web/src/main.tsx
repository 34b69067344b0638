import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { planeOf } from './api/plane.js';
import './styles.css';

// The console and the workspace are separate chunks: a page loads only the application it is in.
const plane = planeOf(location.pathname);
const root = createRoot(document.getElementById('root')!);
const app = plane.kind === 'console' ? import('./console/ConsoleApp.js').then((m) => m.ConsoleApp) : import('./workspace/WorkspaceApp.js').then((m) => m.WorkspaceApp);
void app.then((App) =>
  root.render(
    <StrictMode>
      <App plane={plane} />
    </StrictMode>,
  ),
);

import { lazy, Suspense } from 'react';

/** Below the model list and needed only before a class: loaded with the panel's first paint, not the page's. */
const Panel = lazy(() => import('./PrepareOfflinePanel').then((m) => ({ default: m.PrepareOfflinePanel })));

export function PrepareOffline() {
  return (
    <Suspense fallback={null}>
      <Panel />
    </Suspense>
  );
}

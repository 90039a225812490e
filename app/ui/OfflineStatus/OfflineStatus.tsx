import { lazy, Suspense } from 'react';

/**
 * The header's offline/update/storage status. It has nothing to show before the service worker
 * reports (after the first paint), so it loads as its own small chunk.
 */
const View = lazy(() => import('./OfflineStatusView').then((m) => ({ default: m.OfflineStatusView })));

export function OfflineStatus() {
  return (
    <Suspense fallback={null}>
      <View />
    </Suspense>
  );
}

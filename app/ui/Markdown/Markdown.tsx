import { lazy, Suspense } from 'react';

/**
 * react-markdown and its parser are a third of the page's JavaScript, and the first paint shows
 * no model text: they load as their own chunk, fetched when the page is idle (so an answer
 * rarely waits for it) or when the first Markdown text is shown. Until then the text shows
 * as plain text — escaped by React, never HTML.
 */
const loadView = () => import('./MarkdownView');
const MarkdownView = lazy(() => loadView().then((m) => ({ default: m.MarkdownView })));

if (typeof window !== 'undefined') {
  const idle = window.requestIdleCallback ?? ((callback: () => void) => setTimeout(callback, 200));
  idle(() => void loadView());
}

export function Markdown({ text }: { text: string }) {
  return (
    <Suspense fallback={<div className="markdown markdown-plain">{text}</div>}>
      <MarkdownView text={text} />
    </Suspense>
  );
}

import ReactMarkdown, { defaultUrlTransform } from 'react-markdown';

/**
 * Model text rendered as Markdown, never as HTML: raw HTML is dropped (`skipHtml`) and
 * react-markdown's URL transform neutralises `javascript:`-style links.
 */
export function MarkdownView({ text }: { text: string }) {
  return (
    <div className="markdown">
      <ReactMarkdown skipHtml urlTransform={defaultUrlTransform}>
        {text}
      </ReactMarkdown>
    </div>
  );
}

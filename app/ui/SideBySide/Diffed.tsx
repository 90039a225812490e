import type { Side } from '../../agent/compare/align';
import { type DiffPart, sideParts, textDiff } from '../../agent/compare/text-diff';

/**
 * One side's text with what the other side lacks marked: `<del>` (struck through) on A,
 * `<ins>` (underlined) on B, so a difference never rests on colour alone.
 */
export function Diffed({ parts, side }: { parts: readonly DiffPart[]; side: Side }) {
  return (
    <span className="sbs-text">
      {sideParts(parts, side).map((p, i) =>
        p.change === 'same' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one diff never reorder
          <span key={i}>{p.text}</span>
        ) : side === 'left' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one diff never reorder
          <del key={i}>{p.text}</del>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one diff never reorder
          <ins key={i}>{p.text}</ins>
        ),
      )}
    </span>
  );
}

/**
 * A long text (a prompt, a raw output) folded away; its diff is worked out when opened, since
 * prompts run to thousands of characters and most rows never need theirs.
 */
export function FoldedText({
  label,
  mine,
  theirs,
  side,
  by,
  differs,
  differsLabel,
  testId,
  open,
  onToggle,
}: {
  label: string;
  mine: string;
  theirs: string | undefined;
  side: Side;
  by: 'words' | 'lines';
  differs: boolean;
  differsLabel: string;
  testId: string;
  /** Both sides of a row open and close together, so the two texts are read side by side. */
  open: boolean;
  onToggle: (open: boolean) => void;
}) {
  return (
    <details
      className="sbs-folded"
      data-testid={testId}
      open={open}
      onToggle={(e) => {
        if (e.currentTarget.open !== open) onToggle(e.currentTarget.open);
      }}
    >
      <summary>
        {label}
        {differs && (
          <span className="badge sbs-differs-badge">
            <span aria-hidden="true">≠</span>
            <span className="sbs-hidden">{differsLabel}</span>
          </span>
        )}
      </summary>
      {open && (
        // Focusable: it scrolls, and a keyboard must be able to scroll it (axe scrollable-region-focusable).
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region is reached by Tab
        <section className="sbs-pre" tabIndex={0} aria-label={label}>
          <pre>
            {theirs === undefined ? (
              mine
            ) : (
              <Diffed
                parts={side === 'left' ? textDiff(mine, theirs, by) : textDiff(theirs, mine, by)}
                side={side}
              />
            )}
          </pre>
        </section>
      )}
    </details>
  );
}

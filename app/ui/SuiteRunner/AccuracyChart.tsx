import { useId } from 'react';

export interface ChartBar {
  key: string;
  label: string;
  /** 0 to 1. */
  value: number;
  /** The value as text (e.g. "66.7%"), shown beside the bar. */
  text: string;
  /** Scripted results are drawn hatched, so they never pass for a model's. */
  scripted: boolean;
  /** The configuration did not run all the tasks: its bar is outlined dashed (the label says how many). */
  partial?: boolean;
}

/** Each row: the label on a line of its own (labels can be long), the bar and its value below it. */
const ROW = 44;
const BAR_Y = 18;
const BAR_HEIGHT = 16;
const BAR_WIDTH = 340;
const TEXT_WIDTH = 70;

/**
 * A horizontal bar chart in plain SVG: one bar per configuration, with its value as text, a
 * title and description for screen readers, and the same numbers in the table beside it.
 */
export function AccuracyChart({
  bars,
  title,
  description,
}: {
  bars: ChartBar[];
  title: string;
  description: string;
}) {
  // React's ids contain characters that are awkward inside url(#…); keep letters and digits.
  const id = `chart-${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const height = bars.length * ROW + 8;
  const width = BAR_WIDTH + TEXT_WIDTH;
  return (
    <svg
      className="accuracy-chart"
      data-testid="suite-chart"
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      style={{ maxWidth: width }}
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>
        {description} {bars.map((b) => `${b.label}: ${b.text}.`).join(' ')}
      </desc>
      <defs>
        <pattern
          id={`${id}-hatch`}
          width="6"
          height="6"
          patternUnits="userSpaceOnUse"
          patternTransform="rotate(45)"
        >
          <rect width="6" height="6" className="chart-bar scripted-fill" />
          <line x1="0" y1="0" x2="0" y2="6" className="chart-hatch" strokeWidth="3" />
        </pattern>
      </defs>
      {bars.map((bar, i) => {
        const y = 4 + i * ROW;
        return (
          <g key={bar.key} data-testid="suite-chart-bar" data-value={bar.value} data-partial={!!bar.partial}>
            <text x={0} y={y + 11} className="chart-label">
              {bar.label}
            </text>
            <rect x={0} y={y + BAR_Y} width={BAR_WIDTH} height={BAR_HEIGHT} className="chart-track" />
            <rect
              x={0}
              y={y + BAR_Y}
              width={Math.max(0, Math.min(1, bar.value)) * BAR_WIDTH}
              height={BAR_HEIGHT}
              className={bar.partial ? 'chart-bar partial' : 'chart-bar'}
              // Inline, so the stylesheet's bar colour does not win over the hatching.
              style={bar.scripted ? { fill: `url(#${id}-hatch)` } : undefined}
            />
            <text
              x={BAR_WIDTH + 6}
              y={y + BAR_Y + BAR_HEIGHT / 2}
              dominantBaseline="middle"
              className="chart-value"
            >
              {bar.text}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

import type { Locale } from '../i18n/i18n';

/**
 * Number formats, cached: building an `Intl.NumberFormat` costs ~0.1 ms, and the run summary
 * and step cards format several numbers on every streamed frame.
 */
const formats = new Map<string, Intl.NumberFormat>();

export function formatNum(locale: Locale, n: number, options?: Intl.NumberFormatOptions): string {
  const key = `${locale}|${options ? JSON.stringify(options) : ''}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    formats.set(key, format);
  }
  return format.format(n);
}

const SECONDS = { minimumFractionDigits: 2, maximumFractionDigits: 2 } as const;

/**
 * A duration as the page shows it: whole milliseconds under a second, else seconds to 0.01.
 * English keeps the SI symbols the page has always shown ("12 ms", "1.23 s"; Intl would write
 * "sec"); other languages get Intl's own unit words (Chinese "12毫秒").
 */
export function formatMs(locale: Locale, ms: number): string {
  const seconds = ms >= 1000;
  const value = seconds ? ms / 1000 : Math.round(ms);
  if (locale === 'en')
    return `${formatNum(locale, value, seconds ? SECONDS : undefined)} ${seconds ? 's' : 'ms'}`;
  return formatNum(locale, value, {
    style: 'unit',
    unit: seconds ? 'second' : 'millisecond',
    unitDisplay: 'short',
    ...(seconds ? SECONDS : {}),
  });
}

/** Megabytes as gigabytes to one decimal ("2.2 GB"). */
export function formatGb(locale: Locale, mb: number): string {
  return formatNum(locale, mb / 1024, {
    style: 'unit',
    unit: 'gigabyte',
    unitDisplay: 'short',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
}

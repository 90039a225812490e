import type { SuiteConfig } from '../../agent/eval/suite/results';
import { formatNumber, type Locale } from '../../i18n/i18n';
import { findPreset } from '../../llm/presets';

/** "multi · chat" for the scripted engine; "Tiny · multi · chat" (or "your models · …") for WebLLM. */
export function configLabel(config: SuiteConfig, yourModels: string): string {
  if (config.engine === 'scripted') return `${config.mode} · ${config.dialect}`;
  const models = config.presetId ? (findPreset(config.presetId)?.label ?? config.presetId) : yourModels;
  return `${models} · ${config.mode} · ${config.dialect}`;
}

export function percent(locale: Locale, value: number): string {
  return formatNumber(locale, value, { style: 'percent', maximumFractionDigits: 1 });
}

export function duration(locale: Locale, ms: number): string {
  return ms < 1000
    ? `${formatNumber(locale, Math.round(ms))} ms`
    : `${formatNumber(locale, ms / 1000, { maximumFractionDigits: 2 })} s`;
}

export function whole(locale: Locale, value: number): string {
  return formatNumber(locale, value, { maximumFractionDigits: 1 });
}

import type { SuiteConfig } from '../../agent/eval/suite/results';
import { formatNumber, type Locale, translate } from '../../i18n/i18n';
import type { ModelChoice } from '../../llm/model-plan';
import { findPreset } from '../../llm/presets';
import { presetMessages } from '../ModelPanel/messages';
import { tinyModelMessages } from '../TinyModels/messages';
import { resultsMessages } from './messages';

/** A preset's name in the interface language (the Models panel's names); "your models" for the hand-picked ones. */
export function choiceName(locale: Locale, choice: ModelChoice | string, yourModels: string): string {
  if (choice === 'current') return yourModels;
  return findPreset(choice) ? translate(presetMessages, locale, `${choice}.label`) : choice;
}

/** A tiny system's name without its mode ("α-UMi GLPFT"), in the interface language. */
export function tinySystemName(locale: Locale, system: string): string {
  const key = `name_${system}`;
  return Object.hasOwn(tinyModelMessages.en, key)
    ? translate(tinyModelMessages, locale, key as keyof typeof tinyModelMessages.en)
    : system;
}

/** The first digits of a settings fingerprint, as the results show it ("#3f9a1c"). */
export function settingsTag(config: SuiteConfig): string | undefined {
  return config.fingerprint ? `#${config.fingerprint.slice(0, 6)}` : undefined;
}

/**
 * "multi · chat · #3f9a1c" for the scripted engine; "Tiny · multi · chat · #3f9a1c" (or "your
 * models · …") for WebLLM; "Tiny α-UMi one-stage · multi · alpha-umi · …" for the tiny models. The tag tells apart runs under different settings (step limit,
 * sampling, prompts, tools); results stored before settings were recorded have none.
 */
export function configLabel(
  locale: Locale,
  config: SuiteConfig,
  yourModels: string,
  { withSettings = true }: { withSettings?: boolean } = {},
): string {
  const models =
    config.engine === 'scripted'
      ? undefined
      : config.engine === 'tiny'
        ? `Tiny α-UMi ${tinySystemName(locale, config.tinySystem ?? 'glpft')}`
        : choiceName(locale, config.presetId ?? 'current', yourModels);
  const tag = withSettings ? settingsTag(config) : undefined;
  const tasks = config.taskSet === 'held-out' ? translate(resultsMessages, locale, 'heldOutTag') : undefined;
  return [models, config.mode, config.dialect, tasks, tag].filter(Boolean).join(' · ');
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

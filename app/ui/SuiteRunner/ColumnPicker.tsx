import { DIALECTS, type Dialect, RUN_MODES, type RunMode } from '../../agent/types';
import { useLocale, useT } from '../../i18n/use-t';
import { type ModelChoice, modelPlan } from '../../llm/model-plan';
import { PRESETS } from '../../llm/presets';
import { TINY_SYSTEMS, type TinySystemId } from '../../llm/tiny/manifest';
import { useAppStore } from '../../store';
import type { EngineChoice } from '../../store/settings-slice';
import { presetNoteText } from '../ModelPanel/preset-note';
import { tinyModelMessages } from '../TinyModels/messages';
import { choiceName } from './labels';
import { modeMessages, resultsMessages, suiteRunnerMessages } from './messages';

const CHOICES: ModelChoice[] = [...PRESETS.map((p) => p.id), 'current'];

/** The engine and dialect of lab runs: the same settings as the Run tab's, changed from here too. */
export function EngineRow({ disabled }: { disabled: boolean }) {
  const t = useT(suiteRunnerMessages);
  const engine = useAppStore((s) => s.engine);
  const dialect = useAppStore((s) => s.dialect);
  const gpuOk = useAppStore((s) => s.gpu?.ok === true);
  const { setEngine, setDialect } = useAppStore.getState();
  return (
    <div className="suite-engine-row">
      <label>
        {t('engineLabel')}{' '}
        <select
          data-testid="lab-engine-select"
          value={engine}
          disabled={disabled}
          onChange={(e) => setEngine(e.target.value as EngineChoice)}
        >
          <option value="tiny">{t('engineTiny')}</option>
          <option value="scripted">{t('engineScripted')}</option>
          <option value="webllm" disabled={!gpuOk}>
            {gpuOk ? t('engineWebllm') : t('engineWebllmNeedsGpu')}
          </option>
        </select>
      </label>{' '}
      <label>
        {t('dialectLabel')}{' '}
        <select value={dialect} disabled={disabled} onChange={(e) => setDialect(e.target.value as Dialect)}>
          {DIALECTS.map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </select>
      </label>
      {engine === 'scripted' && (
        <p className="note suite-scripted-note" role="note" data-testid="lab-scripted-note">
          <span className="badge simulated">{t('scriptedNote')}</span> {t('scriptedExplain')}
        </p>
      )}
    </div>
  );
}

/** Tiny α-UMi: which of the paper's four systems. */
export function TinySystemPicker({ disabled }: { disabled: boolean }) {
  const t = useT(suiteRunnerMessages);
  const ts = useT(tinyModelMessages);
  const systems = useAppStore((s) => s.suiteTinySystems);
  const setSystems = useAppStore((s) => s.setSuiteTinySystems);
  const toggle = (system: TinySystemId, on: boolean) =>
    setSystems(TINY_SYSTEMS.filter((s) => (s === system ? on : systems.includes(s))));
  return (
    <fieldset className="suite-modes">
      <legend>{t('tinySystemsLegend')}</legend>
      {TINY_SYSTEMS.map((system) => (
        <label key={system}>
          <input
            type="checkbox"
            data-testid={`suite-tiny-${system}`}
            checked={systems.includes(system)}
            disabled={disabled}
            onChange={(e) => toggle(system, e.target.checked)}
          />{' '}
          {ts(`system_${system}`)}
        </label>
      ))}
    </fieldset>
  );
}

/** The scripted engine: which run modes. */
export function ModePicker({ disabled }: { disabled: boolean }) {
  const t = useT(suiteRunnerMessages);
  const tm = useT(modeMessages);
  const modes = useAppStore((s) => s.suiteModes);
  const setModes = useAppStore((s) => s.setSuiteModes);
  const toggle = (mode: RunMode, on: boolean) =>
    setModes(RUN_MODES.filter((m) => (m === mode ? on : modes.includes(m))));
  return (
    <fieldset className="suite-modes">
      <legend>{t('modesLegend')}</legend>
      {RUN_MODES.map((mode) => (
        <label key={mode}>
          <input
            type="checkbox"
            data-testid={`suite-mode-${mode}`}
            checked={modes.includes(mode)}
            disabled={disabled}
            onChange={(e) => toggle(mode, e.target.checked)}
          />{' '}
          {tm(mode)}
        </label>
      ))}
    </fieldset>
  );
}

/** One line per choice: its models, the GPU memory they need and what they download. */
export function PlanLine({ choice }: { choice: ModelChoice }) {
  const t = useT(suiteRunnerMessages);
  const locale = useLocale();
  const catalog = useAppStore((s) => s.catalog);
  const gpu = useAppStore((s) => s.gpu);
  const modelsMode = useAppStore((s) => s.modelsMode);
  const roleModels = useAppStore((s) => s.roleModels);
  if (!catalog || !gpu?.ok) return null;
  const plan = modelPlan(choice, catalog, gpu, { mode: modelsMode, roles: roleModels });
  if (!plan) return null;
  const models = plan.loads.map((l) => `${l.modelId} (${l.roles.join(', ')})`).join(', ');
  const fmt = (x: number) => new Intl.NumberFormat(locale).format(x);
  return (
    <span className="note suite-plan" data-testid={`suite-plan-${choice}`}>
      {t('plan', { models, vram: fmt(plan.vramMB), download: fmt(plan.downloadMB) })}
      {plan.unknownSizes.length > 0 && ` ${t('planUnknown', { models: plan.unknownSizes.join(', ') })}`}
      {plan.notes.map((note) => ` ${presetNoteText(locale, note)}`)}
    </span>
  );
}

/** WebLLM: which presets (each couples a mode with models), or the models chosen by hand. */
export function PresetPicker({ disabled }: { disabled: boolean }) {
  const t = useT(suiteRunnerMessages);
  const tr = useT(resultsMessages);
  const locale = useLocale();
  const choices = useAppStore((s) => s.suiteChoices);
  const setChoices = useAppStore((s) => s.setSuiteChoices);
  const modelsMode = useAppStore((s) => s.modelsMode);
  const toggle = (choice: ModelChoice, on: boolean) =>
    setChoices(CHOICES.filter((c) => (c === choice ? on : choices.includes(c))));
  return (
    <fieldset className="suite-presets">
      <legend>{t('presetsLegend')}</legend>
      {CHOICES.map((choice) => {
        const preset = PRESETS.find((p) => p.id === choice);
        return (
          <div key={choice} className="suite-preset">
            <label>
              <input
                type="checkbox"
                data-testid={`suite-choice-${choice}`}
                checked={choices.includes(choice)}
                disabled={disabled}
                onChange={(e) => toggle(choice, e.target.checked)}
              />{' '}
              {preset
                ? `${choiceName(locale, preset.id, tr('yourModels'))} (${preset.mode})`
                : t('currentModels', { mode: modelsMode })}
            </label>
            <PlanLine choice={choice} />
          </div>
        );
      })}
    </fieldset>
  );
}

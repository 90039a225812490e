import { useEffect, useState } from 'react';
import { toErrorData } from '../../agent/errors';
import type { NamedErrorData } from '../../agent/types';
import { loadTinyManifest, tinySystemFor } from '../../controllers/tiny-controller';
import type { Locale } from '../../i18n/i18n';
import { useLocale, useT } from '../../i18n/use-t';
import { TINY_SYSTEMS, type TinyManifest, type TinySystemId } from '../../llm/tiny/manifest';
import { useAppStore } from '../../store';
import { ErrorText } from '../ErrorText/ErrorText';
import { formatNum } from '../format';
import { tinyModelMessages } from './messages';

type Messages = typeof tinyModelMessages.en;
const SCORE_KEYS = ['decision', 'tool', 'exact', 'value'] as const;

function percent(locale: Locale, value: number): string {
  return formatNum(locale, value, { style: 'percent', maximumFractionDigits: 0 });
}

function SystemCard({ manifest, id, inUse }: { manifest: TinyManifest; id: TinySystemId; inUse: boolean }) {
  const t = useT(tinyModelMessages);
  const locale = useLocale();
  const system = manifest.systems[id];
  if (!system) return null;
  const c = manifest.config;
  const tokens = Object.values(system.runs).reduce((sum, r) => sum + r.tokens, 0);
  const bytes = Object.values(system.models).reduce((sum, m) => sum + (m?.bytes ?? 0), 0);
  return (
    <details className="tiny-card" data-testid={`tiny-card-${id}`} open={inUse}>
      <summary>
        {t(`system_${id}` as keyof Messages)} {inUse && <span className="badge">{t('inUse')}</span>}
      </summary>
      <p className="note">{t(`how_${id}` as keyof Messages)}</p>
      <dl>
        <dt>{t('architecture')}</dt>
        <dd>
          {t('architectureValue', {
            layers: c.layers,
            dim: c.dim,
            heads: c.heads,
            vocab: c.vocab,
            window: c.max_len,
          })}
        </dd>
        <dt>{t('parameters')}</dt>
        <dd data-testid={`tiny-params-${id}`}>{formatNum(locale, system.parameters)}</dd>
        <dt>{t('files')}</dt>
        <dd>
          {Object.keys(system.models).length} × ONNX, {formatNum(locale, Math.round(bytes / 1e5) / 10)} MB
        </dd>
        <dt>{t('training')}</dt>
        <dd>
          {t('trainingValue', {
            tokens: formatNum(locale, tokens),
            minutes: formatNum(locale, Math.round(system.seconds / 6) / 10),
            threads: manifest.threads,
            torch: manifest.torch,
          })}
        </dd>
        <dt>{t('data')}</dt>
        <dd>
          {t('dataValue', {
            trajectories: formatNum(locale, manifest.data.train.trajectories ?? 0),
            hash: manifest.data.sha256,
            test: formatNum(locale, manifest.data.test.trajectories ?? 0),
          })}
        </dd>
        <dt>{t('scores')}</dt>
        <dd>
          <ul className="tiny-scores">
            {Object.entries(system.scores).map(([role, scores]) => (
              <li key={role} data-testid={`tiny-score-${id}-${role}`}>
                <strong>{t(`role_${role}` as keyof Messages)}</strong>{' '}
                {SCORE_KEYS.filter((k) => scores[k] !== undefined)
                  .map((k) => `${t(`score_${k}`)} ${percent(locale, scores[k] as number)}`)
                  .join(' · ')}{' '}
                <span className="note">(n = {scores.n})</span>
              </li>
            ))}
          </ul>
        </dd>
        <dt>{t('limits')}</dt>
        <dd>{t('limitsValue')}</dd>
      </dl>
    </details>
  );
}

/** The model cards of the built-in tiny models, read from public/tiny/manifest.json. */
export function TinyModels() {
  const t = useT(tinyModelMessages);
  const manifest = useAppStore((s) => s.tinyManifest);
  const mode = useAppStore((s) => s.mode);
  const multi = useAppStore((s) => s.tinyMultiSystem);
  const [error, setError] = useState<NamedErrorData | undefined>();
  useEffect(() => {
    loadTinyManifest().catch((e) => setError(toErrorData(e)));
  }, []);
  const current = tinySystemFor(mode, multi);
  return (
    <section className="model-panel" aria-label={t('section')} data-testid="tiny-models">
      <h2>{t('title')}</h2>
      <p className="note">{t('intro')}</p>
      {!manifest && !error && <p className="note">{t('loadingManifest')}</p>}
      {error && (
        <p className="note notice" role="alert">
          {t('manifestFailed')} <ErrorText error={error} />
        </p>
      )}
      {manifest &&
        TINY_SYSTEMS.map((id) => <SystemCard key={id} manifest={manifest} id={id} inUse={id === current} />)}
    </section>
  );
}

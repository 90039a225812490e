import { useState } from 'react';
import { useT } from '../../i18n/use-t';
import { CompareView } from '../CompareView/CompareView';
import { StaticEval } from '../StaticEval/StaticEval';
import { SuiteRunner } from '../SuiteRunner/SuiteRunner';
import { evalLabMessages } from './messages';

const SECTIONS = ['compare', 'suite', 'static'] as const;
type Section = (typeof SECTIONS)[number];

/** The evaluation lab: mode comparison, the task suite and the paper's static evaluation. */
export function EvalLab({ onOpenRun }: { onOpenRun?: (() => void) | undefined } = {}) {
  const t = useT(evalLabMessages);
  const [section, setSection] = useState<Section>('compare');
  return (
    <div className="eval-lab" data-testid="eval-lab">
      <p className="muted">{t('intro')}</p>
      <div className="tabs sub-tabs" role="tablist" aria-label={t('sectionsLabel')}>
        {SECTIONS.map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            aria-selected={section === id}
            data-testid={`eval-tab-${id}`}
            onClick={() => setSection(id)}
          >
            {t(id)}
          </button>
        ))}
      </div>
      <div role="tabpanel" aria-label={t(section)}>
        {section === 'compare' ? (
          <CompareView onOpenRun={onOpenRun} />
        ) : section === 'suite' ? (
          <SuiteRunner onOpenRun={onOpenRun} />
        ) : (
          <StaticEval />
        )}
      </div>
    </div>
  );
}

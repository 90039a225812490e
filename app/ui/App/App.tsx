import { lazy, Suspense, useEffect, useState } from 'react';
import { isLocale, LOCALE_NAMES, LOCALES } from '../../i18n/i18n';
import { useLocale, useT } from '../../i18n/use-t';
import { useAppStore } from '../../store';
import { serverOrigin } from '../../store/servers-slice';
import { FlowBar } from '../FlowBar/FlowBar';
import { OfflineStatus } from '../OfflineStatus/OfflineStatus';
import { selectPredictHides } from '../PredictReveal/PredictTimeline';
import { RoleSettings } from '../RoleSettings/RoleSettings';
import { roleMessages } from '../Roles/messages';
import { RunSummary } from '../RunSummary/RunSummary';
import { TaskForm } from '../TaskForm/TaskForm';
import { Timeline } from '../Timeline/Timeline';
import { TinyModels } from '../TinyModels/TinyModels';
import { appMessages } from './messages';

/** The evaluation lab is loaded when first opened: most visits never need it. */
const EvalLab = lazy(() => import('../EvalLab/EvalLab').then((m) => ({ default: m.EvalLab })));
/** The other tabs too: the first paint shows the Run tab only (initial JavaScript budget, issue 7). */
const ToolManager = lazy(() =>
  import('../ToolManager/ToolManager').then((m) => ({ default: m.ToolManager })),
);
const HistoryPanel = lazy(() =>
  import('../HistoryPanel/HistoryPanel').then((m) => ({ default: m.HistoryPanel })),
);
/** The panel of models on the GPU (WebLLM): the page opens on the tiny models, which need none of it. */
const ModelPanel = lazy(() => import('../ModelPanel/ModelPanel').then((m) => ({ default: m.ModelPanel })));
const ServerRoles = lazy(() =>
  import('../ServerRoles/ServerRoles').then((m) => ({ default: m.ServerRoles })),
);

/** Said at the top, whatever the engine: which roles send their prompts to a server, and where. */
function ServerBanner() {
  const servers = useAppStore((s) => s.roleServers);
  const t = useT(appMessages);
  const roleName = useT(roleMessages);
  const roles = Object.entries(servers).flatMap(([role, server]) => {
    const origin = server ? serverOrigin(server.baseUrl) : undefined;
    return origin ? [`${roleName(role as keyof typeof roleMessages.en)} → ${origin}`] : [];
  });
  if (roles.length === 0) return null;
  return (
    <p className="engine-banner server" data-testid="server-banner" role="note">
      <strong>{t('serverBannerTitle')}</strong> {t('serverBannerBody', { roles: roles.join(', ') })}
    </p>
  );
}

/** Roles on the user's own server: closed (and not loaded) until opened or in use. */
function ServerRolesPanel() {
  const inUse = useAppStore((s) => Object.keys(s.roleServers).length > 0);
  const [open, setOpen] = useState(inUse);
  const t = useT(appMessages);
  return (
    <details
      className="server-roles-panel"
      data-testid="server-roles-panel"
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary>
        {t('serverRolesTitle')}
        {inUse && <span className="badge">{t('serverRolesInUse')}</span>}
      </summary>
      {open && (
        <Suspense fallback={<p aria-busy="true">…</p>}>
          <ServerRoles />
        </Suspense>
      )}
    </details>
  );
}

const TABS = [
  { id: 'run', label: 'tabRun' },
  { id: 'tools', label: 'tabTools' },
  { id: 'history', label: 'tabHistory' },
  { id: 'eval', label: 'tabEval' },
] as const;
type TabId = (typeof TABS)[number]['id'];

function LanguageSwitch() {
  const t = useT(appMessages);
  const locale = useLocale();
  const setLocale = useAppStore((s) => s.setLocale);
  return (
    <label className="language-switch">
      <span>{t('language')}</span>{' '}
      <select
        data-testid="language"
        value={locale}
        onChange={(e) => {
          if (isLocale(e.target.value)) setLocale(e.target.value);
        }}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LOCALE_NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}

function LargeTextSwitch() {
  const t = useT(appMessages);
  const largeText = useAppStore((s) => s.largeText);
  const setLargeText = useAppStore((s) => s.setLargeText);
  useEffect(() => {
    document.documentElement.classList.toggle('large-text', largeText);
  }, [largeText]);
  return (
    <label className="language-switch">
      <input
        type="checkbox"
        data-testid="large-text"
        checked={largeText}
        onChange={(e) => setLargeText(e.target.checked)}
      />
      {t('largeText')}
    </label>
  );
}

export function App() {
  const [tab, setTab] = useState<TabId>('run');
  const predictHides = useAppStore(selectPredictHides);
  const engine = useAppStore((s) => s.engine);
  const t = useT(appMessages);
  const locale = useLocale();
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return (
    <div className="app">
      <header className="app-header">
        <div className="app-title">
          <h1>umi-lab</h1>
          <div className="header-controls">
            <LanguageSwitch />
            <LargeTextSwitch />
            <OfflineStatus />
          </div>
        </div>
        <p className="tagline">{t('tagline')}</p>
        {engine === 'webllm' && (
          <p className="engine-banner real" data-testid="engine-label" role="note">
            <strong>{t('realTitle')}</strong> {t('realBody')}
          </p>
        )}
        {engine === 'tiny' && (
          <p className="engine-banner real" data-testid="engine-label" role="note">
            <strong>{t('tinyTitle')}</strong> {t('tinyBody')}
          </p>
        )}
        {engine === 'scripted' && (
          <p className="engine-banner" data-testid="engine-label" role="note">
            <strong>{t('scriptedTitle')}</strong> {t('scriptedBody')}
          </p>
        )}
        <ServerBanner />
      </header>
      <main className="layout">
        <aside className="side">
          <TaskForm />
          <RoleSettings />
          {engine === 'tiny' ? (
            <TinyModels />
          ) : (
            <Suspense fallback={<p aria-busy="true">…</p>}>
              <ModelPanel />
            </Suspense>
          )}
          <ServerRolesPanel />
        </aside>
        <section className="run" id="run-view">
          <div className="tabs" role="tablist" aria-label={t('tabsLabel')}>
            {TABS.map(({ id, label }) => (
              <button
                key={id}
                type="button"
                role="tab"
                aria-selected={tab === id}
                data-testid={`tab-${id}`}
                onClick={() => setTab(id)}
              >
                {t(label)}
              </button>
            ))}
          </div>
          {tab === 'run' ? (
            <div role="tabpanel" aria-label={t('tabRun')}>
              {!predictHides && (
                <>
                  <FlowBar />
                  <RunSummary />
                </>
              )}
              <Timeline />
            </div>
          ) : tab === 'tools' ? (
            <div role="tabpanel" aria-label={t('tabTools')}>
              <Suspense fallback={<p aria-busy="true">…</p>}>
                <ToolManager />
              </Suspense>
            </div>
          ) : tab === 'history' ? (
            <div role="tabpanel" aria-label={t('tabHistory')}>
              <Suspense fallback={<p aria-busy="true">…</p>}>
                <HistoryPanel onOpen={() => setTab('run')} />
              </Suspense>
            </div>
          ) : (
            <div role="tabpanel" aria-label={t('tabEval')}>
              <Suspense fallback={<p aria-busy="true">…</p>}>
                <EvalLab onOpenRun={() => setTab('run')} />
              </Suspense>
            </div>
          )}
        </section>
      </main>
    </div>
  );
}

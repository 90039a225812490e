import { useId, useState } from 'react';
import { ROLES_BY_MODE, type Role } from '../../agent/types';
import { needsReloadFor } from '../../controllers/server-origins';
import { checkRoleServer } from '../../controllers/servers-controller';
import { useLocale, useT } from '../../i18n/use-t';
import { serverProblemText } from '../../llm/server/messages';
import { SERVER_PRESET_IDS, serverPreset, startCommand } from '../../llm/server/presets';
import { isMixedContent } from '../../llm/server/url';
import { useAppStore } from '../../store';
import { selectModelsBusy } from '../../store/selectors';
import { type RoleServer, serverOrigin } from '../../store/servers-slice';
import { roleMessages } from '../Roles/messages';
import { serverRolesMessages } from './messages';

const pageOrigin = () => (typeof location === 'undefined' ? '' : location.origin);

/**
 * Per role: this device, or a server the user runs (issue 14). A role's prompts leave the
 * device only after the user confirmed it for that server's origin; the key stays in memory
 * unless kept on purpose, and goes only to the origin it was entered for.
 */
export function ServerRoles() {
  const mode = useAppStore((s) => s.mode);
  const t = useT(serverRolesMessages);
  return (
    <section className="server-roles" data-testid="server-roles">
      <p className="note">{t('intro')}</p>
      {mode === 'single' && <p className="note">{t('modeNote')}</p>}
      {ROLES_BY_MODE[mode].map((role) => (
        <ServerRole key={role} role={role} />
      ))}
    </section>
  );
}

function ServerRole({ role }: { role: Role }) {
  const server = useAppStore((s) => s.roleServers[role]);
  const key = useAppStore((s) => s.serverKeys[role]);
  const check = useAppStore((s) => s.serverChecks[role]);
  const busy = useAppStore(selectModelsBusy);
  const locale = useLocale();
  const t = useT(serverRolesMessages);
  const roleName = useT(roleMessages);
  const { setRoleServer, setServerKey, consentServer } = useAppStore.getState();
  const id = useId();
  const [typedUrl, setTypedUrl] = useState<string | undefined>(undefined);
  const name = roleName(role);

  const chooseServer = (on: boolean) => {
    if (!on) return setRoleServer(role, undefined);
    const preset = serverPreset('vllm');
    setRoleServer(role, { preset: preset.id, baseUrl: preset.defaultBaseUrl, model: '', rememberKey: false });
  };
  const update = (patch: Partial<RoleServer>) => {
    if (server) setRoleServer(role, { ...server, ...patch });
  };

  const origin = server ? serverOrigin(server.baseUrl) : undefined;
  const preset = server ? serverPreset(server.preset) : undefined;
  const command = server
    ? startCommand(server.preset, { ...(server.model ? { model: server.model } : {}), origin: pageOrigin() })
    : '';

  return (
    <fieldset className="server-role" disabled={busy} data-testid={`server-${role}`}>
      <legend>{name}</legend>
      <label>
        {t('where')}{' '}
        <select
          data-testid={`server-use-${role}`}
          value={server ? 'server' : 'device'}
          onChange={(e) => chooseServer(e.target.value === 'server')}
        >
          <option value="device">{t('thisDevice')}</option>
          <option value="server">{t('server')}</option>
        </select>
      </label>
      {server && preset && (
        <>
          <label>
            {t('preset')}{' '}
            <select
              data-testid={`server-preset-${role}`}
              value={server.preset}
              onChange={(e) => {
                const next = serverPreset(e.target.value as RoleServer['preset']);
                // A changed kind of server moves to its default address, unless one was typed.
                const typed = server.baseUrl !== serverPreset(server.preset).defaultBaseUrl;
                update({ preset: next.id, ...(typed ? {} : { baseUrl: next.defaultBaseUrl }) });
                setTypedUrl(undefined);
              }}
            >
              {SERVER_PRESET_IDS.map((p) => (
                <option key={p} value={p}>
                  {serverPreset(p).label}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('baseUrl')}
            <input
              type="url"
              data-testid={`server-url-${role}`}
              value={typedUrl ?? server.baseUrl}
              spellCheck={false}
              onChange={(e) => {
                const value = e.target.value.trim();
                setTypedUrl(value);
                if (serverOrigin(value)) update({ baseUrl: value.replace(/\/+$/, '') });
              }}
              onBlur={() => setTypedUrl(undefined)}
            />
          </label>
          {typedUrl !== undefined && !serverOrigin(typedUrl) && (
            <p className="error-text" role="alert">
              {t('badUrl', { example: preset.defaultBaseUrl })}
            </p>
          )}
          {isMixedContent(server.baseUrl, pageOrigin()) && (
            <p className="error-text" role="alert" data-testid={`server-mixed-${role}`}>
              {t('mixed')}
            </p>
          )}
          <label>
            {t('model')}
            <input
              type="text"
              data-testid={`server-model-${role}`}
              required
              aria-invalid={server.model === ''}
              value={server.model}
              spellCheck={false}
              list={check?.models ? `${id}-models` : undefined}
              onChange={(e) => update({ model: e.target.value.trim() })}
            />
          </label>
          {check?.models && (
            <datalist id={`${id}-models`}>
              {check.models.map((m) => (
                <option key={m} value={m} />
              ))}
            </datalist>
          )}
          <label>
            {t('apiKey')}
            <input
              type="password"
              autoComplete="off"
              data-testid={`server-key-${role}`}
              value={key?.key ?? ''}
              onChange={(e) => setServerKey(role, e.target.value || undefined)}
            />
          </label>
          <label className="inline">
            <input
              type="checkbox"
              data-testid={`server-remember-${role}`}
              checked={server.rememberKey}
              onChange={(e) => update({ rememberKey: e.target.checked })}
            />
            {t('rememberKey')}
          </label>
          {origin && <p className="note">{t('keyNote', { origin })}</p>}
          <div className="server-check">
            <button
              type="button"
              data-testid={`server-check-${role}`}
              onClick={() => void checkRoleServer(role)}
            >
              {check?.status === 'checking' ? t('checking') : t('check')}
            </button>
            <div data-testid={`server-status-${role}`} aria-live="polite">
              {check?.status === 'ok' &&
                (check.models && check.models.length > 0 ? (
                  <p className="note">
                    {t('checkOk', { models: check.models.join(', ') })}{' '}
                    {!server.model &&
                      check.models.slice(0, 4).map((m) => (
                        <button key={m} type="button" className="link" onClick={() => update({ model: m })}>
                          {t('pick', { model: m })}
                        </button>
                      ))}
                  </p>
                ) : (
                  <p className="note">{t('checkOkNone')}</p>
                ))}
              {check?.status === 'failed' && check.problem && (
                <p className="error-text" role="alert">
                  {serverProblemText(check.problem, server.preset, locale, {
                    pageOrigin: pageOrigin(),
                    ...(server.model ? { model: server.model } : {}),
                  })}
                </p>
              )}
            </div>
          </div>
          {server.preset === 'ollama' && <p className="note">{t('ollamaAlphaUmi')}</p>}
          {command && (
            <div className="server-command">
              <p className="note">{t('start')}</p>
              <pre>
                <code data-testid={`server-command-${role}`}>{command}</code>
              </pre>
            </div>
          )}
          {origin && (
            <div className="privacy-note" role="note" data-testid={`server-privacy-${role}`}>
              <p>
                <strong>{t('privacyTitle')}</strong> {t('privacy', { role: name, origin })}
              </p>
              <label className="inline">
                <input
                  type="checkbox"
                  data-testid={`server-consent-${role}`}
                  checked={server.consentedOrigin === origin}
                  onChange={(e) => consentServer(role, e.target.checked ? origin : undefined)}
                />
                {t('consent', { role: name, origin })}
              </label>
            </div>
          )}
          {needsReloadFor(origin) && (
            <p className="note" role="status" data-testid={`server-reload-${role}`}>
              {t('reload', { origin: origin as string })}{' '}
              <button type="button" onClick={() => location.reload()}>
                {t('reloadButton')}
              </button>
            </p>
          )}
        </>
      )}
    </fieldset>
  );
}

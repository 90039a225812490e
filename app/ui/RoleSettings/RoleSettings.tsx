import { DEFAULT_CHAT_SYSTEM_PROMPTS } from '../../agent/dialects/chat/system-prompts';
import { clampSampling, SAMPLING_RULES } from '../../agent/sampling-rules';
import { DEFAULT_SAMPLING, type Role } from '../../agent/types';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store';
import { selectModelsBusy } from '../../store/selectors';
import { roleMessages } from '../Roles/messages';
import { roleSettingsMessages } from './messages';

const ROLES: readonly Role[] = ['planner', 'caller', 'summarizer', 'backbone'];

function numberOrUndefined(value: string): number | undefined {
  return value.trim() === '' || Number.isNaN(Number(value)) ? undefined : Number(value);
}

/** Per role: temperature, max tokens, top-p (tiny engine), seed, and (chat dialect) the system prompt. */
export function RoleSettings() {
  const sampling = useAppStore((s) => s.roleSampling);
  const prompts = useAppStore((s) => s.systemPrompts);
  const dialect = useAppStore((s) => s.dialect);
  // Locked while anything (a run, a suite, a comparison, a static evaluation) uses the models.
  const running = useAppStore(selectModelsBusy);
  const { setRoleSampling, setSystemPrompt } = useAppStore.getState();
  const t = useT(roleSettingsMessages);
  const roleName = useT(roleMessages);
  return (
    <details className="role-settings" data-testid="role-settings">
      <summary>{t('title')}</summary>
      {dialect === 'chat' && (
        <p className="note" id="prompt-language-note" data-testid="prompts-english-note">
          {t('promptsEnglish')}
        </p>
      )}
      {ROLES.map((role) => {
        const current = { ...DEFAULT_SAMPLING[role], ...sampling[role] };
        const prompt = prompts[role];
        return (
          <fieldset key={role} disabled={running} data-testid={`role-settings-${role}`}>
            <legend>{role === 'backbone' ? t('backboneLegend') : roleName(role)}</legend>
            <div className="role-numbers">
              <label>
                {t('temperature')}
                <input
                  type="number"
                  min={SAMPLING_RULES.temperature.min}
                  max={SAMPLING_RULES.temperature.max}
                  step={0.1}
                  value={current.temperature}
                  onChange={(e) => {
                    const t = numberOrUndefined(e.target.value);
                    if (t !== undefined)
                      setRoleSampling(role, { temperature: clampSampling('temperature', t) });
                  }}
                />
              </label>
              <label>
                {t('maxTokens')}
                <input
                  type="number"
                  min={SAMPLING_RULES.maxTokens.min}
                  max={SAMPLING_RULES.maxTokens.max}
                  value={current.maxTokens}
                  onChange={(e) => {
                    const n = numberOrUndefined(e.target.value);
                    if (n !== undefined) setRoleSampling(role, { maxTokens: clampSampling('maxTokens', n) });
                  }}
                />
              </label>
              <label>
                {t('topP')}
                <input
                  type="number"
                  min={SAMPLING_RULES.topP.min}
                  max={SAMPLING_RULES.topP.max}
                  step={0.05}
                  title={t('topPTitle')}
                  data-testid={`top-p-${role}`}
                  value={current.topP ?? 1}
                  onChange={(e) => {
                    const p = numberOrUndefined(e.target.value);
                    if (p !== undefined) setRoleSampling(role, { topP: clampSampling('topP', p) });
                  }}
                />
              </label>
              <label>
                {t('seed')}
                <input
                  type="number"
                  min={SAMPLING_RULES.seed.min}
                  max={SAMPLING_RULES.seed.max}
                  step={1}
                  placeholder={t('seedPlaceholder')}
                  value={current.seed ?? ''}
                  onChange={(e) => {
                    const n = numberOrUndefined(e.target.value);
                    const { seed: _drop, ...rest } = sampling[role] ?? {};
                    setRoleSampling(role, n === undefined ? rest : { seed: clampSampling('seed', n) });
                    if (n === undefined)
                      useAppStore.setState({ roleSampling: { ...sampling, [role]: rest } });
                  }}
                />
              </label>
            </div>
            {dialect === 'chat' ? (
              <>
                <label>
                  {t('systemPrompt')}
                  <textarea
                    rows={5}
                    spellCheck={false}
                    lang="en"
                    data-testid={`system-prompt-${role}`}
                    aria-describedby="prompt-language-note"
                    value={prompt ?? DEFAULT_CHAT_SYSTEM_PROMPTS[role]}
                    onChange={(e) => setSystemPrompt(role, e.target.value)}
                  />
                </label>
                {prompt !== undefined && (
                  <button type="button" className="link" onClick={() => setSystemPrompt(role, undefined)}>
                    {t('reset')}
                  </button>
                )}
              </>
            ) : (
              <p className="note">{t('alphaUmiNote')}</p>
            )}
          </fieldset>
        );
      })}
    </details>
  );
}

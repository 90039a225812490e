import { DEFAULT_CHAT_SYSTEM_PROMPTS } from '../../agent/dialects/chat/system-prompts';
import { DEFAULT_SAMPLING, type Role } from '../../agent/types';
import { useAppStore } from '../../store';

const ROLES: { role: Role; label: string }[] = [
  { role: 'planner', label: 'Planner' },
  { role: 'caller', label: 'Caller' },
  { role: 'summarizer', label: 'Summarizer' },
  { role: 'backbone', label: 'Single model (single mode)' },
];

function numberOrUndefined(value: string): number | undefined {
  return value.trim() === '' || Number.isNaN(Number(value)) ? undefined : Number(value);
}

/** Per role: temperature, max tokens, seed, and (chat dialect) the system prompt. */
export function RoleSettings() {
  const sampling = useAppStore((s) => s.roleSampling);
  const prompts = useAppStore((s) => s.systemPrompts);
  const dialect = useAppStore((s) => s.dialect);
  const running = useAppStore((s) => s.runStatus !== 'idle');
  const { setRoleSampling, setSystemPrompt } = useAppStore.getState();
  return (
    <details className="role-settings" data-testid="role-settings">
      <summary>Role settings</summary>
      {ROLES.map(({ role, label }) => {
        const current = { ...DEFAULT_SAMPLING[role], ...sampling[role] };
        const prompt = prompts[role];
        return (
          <fieldset key={role} disabled={running} data-testid={`role-settings-${role}`}>
            <legend>{label}</legend>
            <div className="role-numbers">
              <label>
                Temperature
                <input
                  type="number"
                  min={0}
                  max={2}
                  step={0.1}
                  value={current.temperature}
                  onChange={(e) => {
                    const t = numberOrUndefined(e.target.value);
                    if (t !== undefined) setRoleSampling(role, { temperature: Math.min(2, Math.max(0, t)) });
                  }}
                />
              </label>
              <label>
                Max tokens
                <input
                  type="number"
                  min={1}
                  max={4096}
                  value={current.maxTokens}
                  onChange={(e) => {
                    const n = numberOrUndefined(e.target.value);
                    if (n !== undefined)
                      setRoleSampling(role, { maxTokens: Math.min(4096, Math.max(1, Math.round(n))) });
                  }}
                />
              </label>
              <label>
                Seed
                <input
                  type="number"
                  placeholder="random"
                  value={current.seed ?? ''}
                  onChange={(e) => {
                    const n = numberOrUndefined(e.target.value);
                    const { seed: _drop, ...rest } = sampling[role] ?? {};
                    setRoleSampling(role, n === undefined ? rest : { seed: Math.round(n) });
                    if (n === undefined)
                      useAppStore.setState({ roleSampling: { ...sampling, [role]: rest } });
                  }}
                />
              </label>
            </div>
            {dialect === 'chat' ? (
              <label>
                System prompt (chat dialect; {'{tools}'} becomes the tool list)
                <textarea
                  rows={5}
                  spellCheck={false}
                  data-testid={`system-prompt-${role}`}
                  value={prompt ?? DEFAULT_CHAT_SYSTEM_PROMPTS[role]}
                  onChange={(e) => setSystemPrompt(role, e.target.value)}
                />
                {prompt !== undefined && (
                  <button type="button" className="link" onClick={() => setSystemPrompt(role, undefined)}>
                    Reset to default
                  </button>
                )}
              </label>
            ) : (
              <p className="note">
                The alpha-umi dialect has no system prompt: its prompts are the byte-exact GLPFT templates the
                α-UMi models were trained on.
              </p>
            )}
          </fieldset>
        );
      })}
    </details>
  );
}

import { type FormEvent, useState } from 'react';
import type { ToolResult } from '../../agent/types';
import { callTool, observationOf, saveTool } from '../../controllers/tools-controller';
import { type Locale, translate } from '../../i18n/i18n';
import { useLocale, useT } from '../../i18n/use-t';
import type { ToolInfo } from '../../store/tools-slice';
import type { UserToolData } from '../../tools/tool-pack';
import { type ToolProblem, toolProblemText } from '../../tools/tool-pack-messages';
import { formatMs } from '../format';
import { toolEditorMessages } from './messages';

/**
 * What the editor lists under the form, kept as data and written when shown (so it follows a
 * change of language): the tool's problems, the editor's own JSON checks, or an error as it came.
 */
type Problem =
  | { from: 'tool'; problem: ToolProblem }
  | { from: 'editor'; code: 'notJson' | 'argsNotJson'; error: string }
  | { from: 'error'; message: string };

function problemText(locale: Locale, p: Problem): string {
  if (p.from === 'tool') return toolProblemText(locale, p.problem);
  if (p.from === 'editor') return translate(toolEditorMessages, locale, p.code, { error: p.error });
  return p.message;
}

const fromTool = (problems: ToolProblem[]): Problem[] =>
  problems.map((problem) => ({ from: 'tool', problem }));
const fromError = (error: unknown): Problem[] => [{ from: 'error', message: (error as Error).message }];

/**
 * The starting point of a new tool. It stays English in every interface language: the name,
 * description and schema are what the models read, and the models are prompted in English.
 */
const NEW_TOOL = {
  name: 'word_reverse',
  description: 'Reverses the order of the words in a sentence.',
  parameters: JSON.stringify(
    {
      type: 'object',
      properties: { sentence: { type: 'string', description: 'The sentence' } },
      required: ['sentence'],
    },
    null,
    2,
  ),
  source: `// Runs in a sandbox: no network, no page, no storage. console.log goes to the logs.
function run(args) {
  return args.sentence.split(/\\s+/).reverse().join(' ');
}`,
};

/** Create or edit a user tool, and test-run it before (or after) saving. */
export function ToolEditor({ tool, onDone }: { tool?: ToolInfo; onDone: () => void }) {
  const [name, setName] = useState(tool?.name ?? NEW_TOOL.name);
  const [description, setDescription] = useState(tool?.description ?? NEW_TOOL.description);
  const [parameters, setParameters] = useState(
    tool ? JSON.stringify(tool.parameters, null, 2) : NEW_TOOL.parameters,
  );
  const [source, setSource] = useState(tool?.source ?? NEW_TOOL.source);
  const [args, setArgs] = useState('{"sentence": "the planner plans the caller calls"}');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [result, setResult] = useState<ToolResult | undefined>();
  const [busy, setBusy] = useState(false);
  const t = useT(toolEditorMessages);
  const locale = useLocale();

  /** The tool as typed, or why its parameters are not JSON. */
  const draft = (): UserToolData | Problem => {
    let schema: unknown;
    try {
      schema = JSON.parse(parameters);
    } catch (error) {
      return { from: 'editor', code: 'notJson', error: (error as Error).message };
    }
    return {
      name: name.trim(),
      description: description.trim(),
      parameters: schema as Record<string, unknown>,
      source,
    };
  };

  const onSave = async (event: FormEvent) => {
    event.preventDefault();
    const data = draft();
    if ('from' in data) {
      setProblems([data]);
      return;
    }
    setBusy(true);
    try {
      const errors = await saveTool(data, tool?.name);
      setProblems(fromTool(errors));
      if (errors.length === 0) onDone();
    } catch (error) {
      setProblems(fromError(error));
    } finally {
      setBusy(false);
    }
  };

  const onTest = async () => {
    setResult(undefined);
    const data = draft();
    if ('from' in data) {
      setProblems([data]);
      return;
    }
    setBusy(true);
    try {
      const saved = await saveTool(data, tool?.name ?? (name.trim() || undefined));
      if (saved.length > 0) {
        setProblems(fromTool(saved));
        return;
      }
      setProblems([]);
      let parsedArgs: Record<string, unknown>;
      try {
        parsedArgs = JSON.parse(args) as Record<string, unknown>;
      } catch (error) {
        setProblems([{ from: 'editor', code: 'argsNotJson', error: (error as Error).message }]);
        return;
      }
      setResult(await callTool(name.trim(), parsedArgs));
    } catch (error) {
      setProblems(fromError(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="tool-editor" onSubmit={onSave} aria-label={t('form')} data-testid="tool-editor">
      <label>
        {t('name')}
        <input data-testid="tool-name-input" value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label>
        {t('description')}
        <input value={description} onChange={(e) => setDescription(e.target.value)} />
      </label>
      <label>
        {t('parameters')}
        <textarea
          rows={6}
          spellCheck={false}
          value={parameters}
          onChange={(e) => setParameters(e.target.value)}
        />
      </label>
      <label>
        <span>
          {t('source')
            .split('{code}')
            .flatMap((part, i) => (i === 0 ? [part] : [<code key="code">function run(args)</code>, part]))}
        </span>
        <textarea
          rows={8}
          spellCheck={false}
          data-testid="tool-source-input"
          value={source}
          onChange={(e) => setSource(e.target.value)}
        />
      </label>
      {problems.length > 0 && (
        <ul className="step-error" role="alert" data-testid="tool-problems">
          {problems
            .map((p) => problemText(locale, p))
            .map((line) => (
              <li key={line}>{line}</li>
            ))}
        </ul>
      )}
      <label>
        {t('testArgs')}
        <input data-testid="tool-args-input" value={args} onChange={(e) => setArgs(e.target.value)} />
      </label>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('save')}
        </button>
        <button type="button" data-testid="tool-test-run" disabled={busy} onClick={() => void onTest()}>
          {t('saveAndTest')}
        </button>
        <button type="button" onClick={onDone}>
          {t('close')}
        </button>
      </div>
      {result && (
        <div data-testid="tool-test-result" data-ok={String(result.ok)}>
          <p className="label">
            {result.ok ? t('result') : t('error')} · {formatMs(locale, result.durationMs)}
          </p>
          <pre className="observation">{observationOf(result)}</pre>
          {result.logs.length > 0 && <pre className="observation">{result.logs.join('\n')}</pre>}
        </div>
      )}
    </form>
  );
}

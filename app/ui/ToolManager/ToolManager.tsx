import { useRef, useState } from 'react';
import {
  exportToolPack,
  importToolPack,
  removeTool,
  setToolEnabled,
} from '../../controllers/tools-controller';
import { useLocale, useT } from '../../i18n/use-t';
import { useAppStore } from '../../store';
import type { ToolInfo } from '../../store/tools-slice';
import { type ToolProblem, toolProblemText } from '../../tools/tool-pack-messages';
import { download } from '../download';
import { NoticeText } from '../NoticeText/NoticeText';
import { toolManagerMessages } from './messages';
import { ToolEditor } from './ToolEditor';

/** An import that was refused: the problems with the file, or an error while saving it (as it came). */
type ImportRefused = { ok: false; file: string; errors: ToolProblem[]; failure?: string };

function ToolRow({ tool, onEdit }: { tool: ToolInfo; onEdit: () => void }) {
  const t = useT(toolManagerMessages);
  return (
    <li className="tool-row" data-testid="tool-row" data-name={tool.name} data-enabled={String(tool.enabled)}>
      <label className="tool-toggle">
        <input
          type="checkbox"
          checked={tool.enabled}
          data-testid={`tool-enabled-${tool.name}`}
          onChange={(e) => void setToolEnabled(tool.name, e.target.checked)}
        />
        <code>{tool.name}</code>
        <span className="badge">{tool.kind === 'builtin' ? t('builtin') : t('yourTool')}</span>
      </label>
      <p className="note" lang="en">
        {tool.description}
      </p>
      <details>
        <summary>{tool.source ? t('schemaAndSource') : t('schema')}</summary>
        <pre className="observation">{JSON.stringify(tool.parameters, null, 2)}</pre>
        {tool.source && <pre className="observation">{tool.source}</pre>}
      </details>
      {tool.kind === 'sandbox' && (
        <div className="actions">
          <button type="button" onClick={onEdit}>
            {t('edit')}
          </button>
          <button
            type="button"
            data-testid={`tool-delete-${tool.name}`}
            onClick={() => {
              if (confirm(t('confirmDelete', { name: tool.name }))) void removeTool(tool.name);
            }}
          >
            {t('delete')}
          </button>
        </div>
      )}
    </li>
  );
}

/** Every tool the caller can use: enable per run, and create, edit, test, import, export user tools. */
export function ToolManager() {
  const tools = useAppStore((s) => s.toolList);
  const notice = useAppStore((s) => s.toolsNotice);
  const [editing, setEditing] = useState<ToolInfo | 'new' | undefined>();
  const [importMessage, setImportMessage] = useState<{ ok: true; added: string[] } | ImportRefused>();
  const fileInput = useRef<HTMLInputElement>(null);
  const t = useT(toolManagerMessages);
  const locale = useLocale();

  const onImport = async (file: File | undefined) => {
    if (!file) return;
    const result = await importToolPack(await file.text()).catch(
      (error: Error): Omit<ImportRefused, 'file'> => ({ ok: false, errors: [], failure: error.message }),
    );
    setImportMessage(result.ok ? { ok: true, added: result.added } : { ...result, file: file.name });
    if (fileInput.current) fileInput.current.value = '';
  };

  return (
    <section className="tool-manager" aria-label={t('title')} data-testid="tool-manager">
      <h2>{t('title')}</h2>
      <p className="note">{t('intro')}</p>
      <p className="note">{t('descriptionsEnglish')}</p>
      {notice && (
        <p className="step-error">
          <NoticeText notice={notice} />
        </p>
      )}
      <div className="actions">
        <button type="button" className="primary" data-testid="tool-new" onClick={() => setEditing('new')}>
          {t('newTool')}
        </button>
        <button type="button" data-testid="tool-import" onClick={() => fileInput.current?.click()}>
          {t('importPack')}
        </button>
        <button
          type="button"
          data-testid="tool-export"
          onClick={() => download('umi-lab-tools.json', exportToolPack())}
        >
          {t('exportTools')}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          hidden
          data-testid="tool-import-file"
          onChange={(e) => void onImport(e.target.files?.[0])}
        />
      </div>
      {importMessage && (
        <div
          className={importMessage.ok ? 'note' : 'step-error'}
          role="status"
          data-testid="tool-import-message"
        >
          {(importMessage.ok
            ? [t('imported', { names: importMessage.added.join(', ') })]
            : [
                t('notImported', { file: importMessage.file }),
                ...importMessage.errors.map((e) => toolProblemText(locale, e)),
                ...(importMessage.failure ? [importMessage.failure] : []),
              ]
          ).map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
      )}
      {editing && (
        <ToolEditor
          key={editing === 'new' ? 'new' : editing.name}
          {...(editing === 'new' ? {} : { tool: editing })}
          onDone={() => setEditing(undefined)}
        />
      )}
      <ul className="tool-list">
        {tools.map((tool) => (
          <ToolRow key={tool.name} tool={tool} onEdit={() => setEditing(tool)} />
        ))}
      </ul>
    </section>
  );
}

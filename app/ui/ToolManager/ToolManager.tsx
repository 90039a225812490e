import { useRef, useState } from 'react';
import { useAppStore } from '../../store';
import { exportToolPack, importToolPack, removeTool, setToolEnabled } from '../../store/tools-controller';
import type { ToolInfo } from '../../store/tools-slice';
import { download } from '../download';
import { ToolEditor } from './ToolEditor';

function ToolRow({ tool, onEdit }: { tool: ToolInfo; onEdit: () => void }) {
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
        <span className="badge">{tool.kind === 'builtin' ? 'built-in' : 'your tool · sandbox'}</span>
      </label>
      <p className="note">{tool.description}</p>
      <details>
        <summary>Schema{tool.source ? ' and source' : ''}</summary>
        <pre className="observation">{JSON.stringify(tool.parameters, null, 2)}</pre>
        {tool.source && <pre className="observation">{tool.source}</pre>}
      </details>
      {tool.kind === 'sandbox' && (
        <div className="actions">
          <button type="button" onClick={onEdit}>
            Edit / test
          </button>
          <button
            type="button"
            data-testid={`tool-delete-${tool.name}`}
            onClick={() => {
              if (confirm(`Delete the tool "${tool.name}"?`)) void removeTool(tool.name);
            }}
          >
            Delete
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
  const [importMessage, setImportMessage] = useState<{ ok: boolean; lines: string[] } | undefined>();
  const fileInput = useRef<HTMLInputElement>(null);

  const onImport = async (file: File | undefined) => {
    if (!file) return;
    const result = await importToolPack(await file.text()).catch((error: Error) => ({
      ok: false as const,
      errors: [error.message],
    }));
    setImportMessage(
      result.ok
        ? { ok: true, lines: [`Imported ${result.added.join(', ')}.`] }
        : { ok: false, lines: [`${file.name} was not imported:`, ...result.errors] },
    );
    if (fileInput.current) fileInput.current.value = '';
  };

  return (
    <section className="tool-manager" aria-label="Tools" data-testid="tool-manager">
      <h2>Tools</h2>
      <p className="note">
        The caller can use the enabled tools. Your own tools run as JavaScript in a sandbox (QuickJS in a
        worker): no network, no page, no storage, time and memory limits.
      </p>
      {notice && <p className="step-error">{notice}</p>}
      <div className="actions">
        <button type="button" className="primary" data-testid="tool-new" onClick={() => setEditing('new')}>
          New tool
        </button>
        <button type="button" data-testid="tool-import" onClick={() => fileInput.current?.click()}>
          Import pack…
        </button>
        <button
          type="button"
          data-testid="tool-export"
          onClick={() => download('umi-lab-tools.json', exportToolPack())}
        >
          Export my tools
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
          {importMessage.lines.map((line) => (
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

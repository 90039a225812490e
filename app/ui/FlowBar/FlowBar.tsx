import { useAppStore } from '../../store';
import { selectActiveRole } from '../../store/selectors';

const NODES = [
  { id: 'planner', label: 'Planner', hint: 'decides what happens next' },
  { id: 'caller', label: 'Caller', hint: 'writes one tool call' },
  { id: 'tool', label: 'Tool', hint: 'runs the call' },
  { id: 'summarizer', label: 'Summarizer', hint: 'writes the answer' },
] as const;

/** The α-UMi loop as a strip of roles; the one working right now is lit. */
export function FlowBar() {
  const active = useAppStore(selectActiveRole);
  const mode = useAppStore((s) => s.trace?.mode ?? s.mode);
  if (mode === 'single') {
    return (
      <ol className="flow" aria-label="Agent roles" data-testid="flow">
        <li className={`flow-node role-backbone${active === 'backbone' ? ' active' : ''}`}>
          <strong>Single model</strong>
          <span>thought + action, or the answer</span>
        </li>
        <li className={`flow-node role-tool${active === 'tool' ? ' active' : ''}`}>
          <strong>Tool</strong>
          <span>runs the call</span>
        </li>
      </ol>
    );
  }
  return (
    <ol className="flow" aria-label="Agent roles" data-testid="flow">
      {NODES.map((node) => (
        <li
          key={node.id}
          className={`flow-node role-${node.id}${active === node.id ? ' active' : ''}`}
          aria-current={active === node.id ? 'step' : undefined}
          data-testid={`flow-${node.id}`}
        >
          <strong>{node.label}</strong>
          <span>{node.hint}</span>
        </li>
      ))}
    </ol>
  );
}

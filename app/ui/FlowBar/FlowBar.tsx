import { type CSSProperties, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store';
import { selectActiveRole } from '../../store/selectors';
import { roleMessages } from '../Roles/messages';
import { carriedNodes, type FlowNode, flowSequence, nextShown } from './handoffs';
import { flowMessages } from './messages';
import './flow-bar.css';

const MULTI_NODES = ['planner', 'caller', 'tool', 'summarizer'] as const;
const SINGLE_NODES = ['backbone', 'tool'] as const;
const HINT = {
  planner: 'plannerHint',
  caller: 'callerHint',
  tool: 'toolHint',
  summarizer: 'summarizerHint',
  backbone: 'backboneHint',
} as const;
/** How long one hand-off stays on screen before the next queued one plays (matches the CSS). */
const HANDOFF_MS = 450;

function usePrefersReducedMotion(): boolean {
  const query = '(prefers-reduced-motion: reduce)';
  const [reduced, setReduced] = useState(() => globalThis.matchMedia?.(query).matches ?? false);
  useEffect(() => {
    const list = globalThis.matchMedia?.(query);
    if (!list) return;
    const onChange = () => setReduced(list.matches);
    list.addEventListener('change', onChange);
    return () => list.removeEventListener('change', onChange);
  }, []);
  return reduced;
}

/** What the strip needs from the trace, as primitives so token deltas do not re-render it. */
function useFlowState() {
  return useAppStore(
    useShallow((s) => {
      const steps = s.trace?.steps ?? [];
      return {
        id: s.trace?.id,
        running: s.trace?.status === 'running',
        carried: carriedNodes(steps),
        sequence: flowSequence(steps).join(' '),
      };
    }),
  );
}

/**
 * Which hand-off is on screen. Each new box of the run's sequence plays in turn (a fast tool
 * call is not skipped); opening a finished run shows no hand-off; a fork starts after the
 * steps it kept.
 */
function useHandoff(reducedMotion: boolean) {
  const { id, running, carried, sequence } = useFlowState();
  const nodes = sequence ? (sequence.split(' ') as FlowNode[]) : [];
  const [state, setState] = useState<{ id: string | undefined; shown: number; baseline: number }>({
    id,
    shown: nodes.length - 1,
    baseline: nodes.length - 1,
  });
  if (state.id !== id) {
    const baseline = running ? carried - 1 : nodes.length - 1;
    setState({ id, shown: baseline, baseline });
  }
  const { shown, baseline } = state;
  // When the hand-off on screen started: the next one waits until it has played, not longer.
  const shownAt = useRef(0);
  useEffect(() => {
    const next = nextShown(shown, nodes.length, reducedMotion);
    if (next === shown) return;
    const played = performance.now() - shownAt.current;
    const wait = shown <= baseline || reducedMotion ? 0 : Math.max(0, HANDOFF_MS - played);
    const timer = setTimeout(() => {
      shownAt.current = performance.now();
      setState((s) => (s.id === id ? { ...s, shown: next } : s));
    }, wait);
    return () => clearTimeout(timer);
  }, [id, shown, baseline, nodes.length, reducedMotion]);
  const to = shown > baseline ? nodes[shown] : undefined;
  const from = to && shown > 0 ? nodes[shown - 1] : undefined;
  return { id, shown, from, to };
}

interface Geometry {
  fx: number;
  fy: number;
  tx: number;
  ty: number;
  w: number;
  h: number;
}

/** The α-UMi loop as a strip of roles; the one working right now is lit, and each hand-off travels. */
export function FlowBar() {
  const t = useT(flowMessages);
  const role = useT(roleMessages);
  const active = useAppStore(selectActiveRole);
  const mode = useAppStore((s) => s.trace?.mode ?? s.mode);
  const reducedMotion = usePrefersReducedMotion();
  const { id, shown, from, to } = useHandoff(reducedMotion);
  const wrap = useRef<HTMLDivElement>(null);
  const [geometry, setGeometry] = useState<Geometry | undefined>();
  const nodes = mode === 'single' ? SINGLE_NODES : MULTI_NODES;
  const handoffKey = from && to ? `${id}:${shown}` : '';

  useLayoutEffect(() => {
    if (!handoffKey || !from || !to) return setGeometry(undefined);
    const box = wrap.current?.getBoundingClientRect();
    const a = wrap.current?.querySelector(`[data-node="${from}"]`)?.getBoundingClientRect();
    const b = wrap.current?.querySelector(`[data-node="${to}"]`)?.getBoundingClientRect();
    if (!box || !a || !b) return setGeometry(undefined);
    setGeometry({
      fx: a.left + a.width / 2 - box.left,
      fy: a.top + a.height / 2 - box.top,
      tx: b.left + b.width / 2 - box.left,
      ty: b.top + b.height / 2 - box.top,
      w: b.width,
      h: b.height,
    });
  }, [handoffKey, from, to]);

  const announcement =
    to && from
      ? t('handoff', { from: role(from), to: role(to) })
      : to
        ? t('started', { role: role(to) })
        : '';
  const pulseStyle = geometry
    ? ({
        '--fx': `${geometry.fx}px`,
        '--fy': `${geometry.fy}px`,
        '--tx': `${geometry.tx}px`,
        '--ty': `${geometry.ty}px`,
        '--w': `${geometry.w}px`,
        '--h': `${geometry.h}px`,
      } as CSSProperties)
    : undefined;

  return (
    <div className="flow-wrap" ref={wrap}>
      <ol
        className="flow"
        aria-label={t('label')}
        data-testid="flow"
        data-handoff={from && to ? `${from}→${to}` : ''}
        data-handoff-index={shown}
      >
        {nodes.map((node) => (
          <li
            key={node}
            data-node={node}
            className={`flow-node role-${node}${active === node ? ' active' : ''}`}
            aria-current={active === node ? 'step' : undefined}
            data-testid={`flow-${node}`}
          >
            <strong>{role(node)}</strong>
            <span>{t(HINT[node])}</span>
          </li>
        ))}
      </ol>
      {pulseStyle && to && (
        <span key={handoffKey} className="flow-handoff" style={pulseStyle} aria-hidden="true">
          <span className={`flow-pulse role-${to}`} data-testid="flow-pulse" />
          <span className={`flow-ring role-${to}`} />
        </span>
      )}
      <p className="visually-hidden" aria-live="polite" data-testid="flow-announcement">
        {announcement}
      </p>
    </div>
  );
}

import { version } from '../../package.json';
import type { RunEnvironment } from '../agent/types';
import type { AppState } from '../store/index';

/**
 * What makes this run, recorded in its trace so a result can be compared honestly later:
 * the page version, the pinned WebLLM version, and the GPU when models run on one.
 */
export function runEnvironment(state: Pick<AppState, 'engine' | 'gpu'>): RunEnvironment {
  const env: RunEnvironment = { app: version };
  if (state.engine !== 'webllm') return env; // scripted text: no engine version to record
  env.webllm = WEBLLM_VERSION;
  if (state.gpu?.ok) {
    const { vendor, architecture, description } = state.gpu.adapter;
    const gpu = [vendor, architecture, description].filter(Boolean).join(' ');
    if (gpu) env.gpu = gpu;
  }
  return env;
}

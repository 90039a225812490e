import { checkSampling } from '../agent/sampling-rules';
import type { Dialect, Role, RunMode, SamplingSettings } from '../agent/types';
import { isLocale, type Locale } from '../i18n/i18n';
import type { LessonLinkError } from '../store/messages/controller-messages';

/**
 * A lesson link: the task, mode, dialect, tools and settings of a run, in the URL hash (never
 * the models' outputs). Encoded as base64url JSON so it survives chat apps and slides.
 */
export interface Lesson {
  task: string;
  mode: RunMode;
  dialect: Dialect;
  tools?: string[];
  maxSteps?: number;
  stepThrough?: boolean;
  /** "Predict, then reveal": each model turn is hidden until the student predicts it. */
  predict?: boolean;
  sampling?: Partial<Record<Role, Partial<SamplingSettings>>>;
  systemPrompts?: Partial<Record<Role, string>>;
  /** The interface language the class uses (the student can switch back). */
  locale?: Locale;
  /** The engine the teacher used, when every device has it (tiny models, scripted demo). */
  engine?: 'tiny' | 'scripted';
  /** The tiny system of `multi` mode. */
  tinySystem?: 'glpft' | 'one-stage';
}

const MODES: readonly string[] = ['multi', 'shared', 'single'];
const DIALECTS: readonly string[] = ['chat', 'alpha-umi'];
const ROLES: readonly string[] = ['planner', 'caller', 'summarizer', 'backbone'];
const MAX_HASH = 16_000;

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string {
  const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

export function lessonHash(lesson: Lesson): string {
  return `#lesson=${toBase64Url(JSON.stringify(lesson))}`;
}

function pickRoles<T>(value: unknown, check: (v: unknown) => v is T): Partial<Record<Role, T>> | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const out: Partial<Record<Role, T>> = {};
  for (const [role, v] of Object.entries(value)) if (ROLES.includes(role) && check(v)) out[role as Role] = v;
  return out;
}

/**
 * Reads a lesson from a URL hash; anything malformed is dropped field by field, never trusted.
 * Sampling values outside `SAMPLING_RULES` (the form's and WebLLM's rules) are dropped too, and
 * `dropped` says which, so the page can tell the user instead of failing later on a real model.
 * A `predict` that is not true or false is refused the same way: `refusedPredict` holds it.
 */
export function parseLessonHash(
  hash: string,
):
  | { ok: true; lesson: Lesson; dropped?: string[]; refusedPredict?: string }
  | { ok: false; error: LessonLinkError }
  | undefined {
  const match = /^#lesson=([A-Za-z0-9_-]+)$/.exec(hash);
  if (!match?.[1]) return undefined;
  if (hash.length > MAX_HASH) return { ok: false, error: { code: 'lessonTooLong' } };
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(fromBase64Url(match[1])) as Record<string, unknown>;
  } catch {
    return { ok: false, error: { code: 'lessonDamaged' } };
  }
  if (typeof data !== 'object' || data === null || typeof data.task !== 'string') {
    return { ok: false, error: { code: 'lessonNoTask' } };
  }
  const lesson: Lesson = {
    task: data.task.slice(0, 4000),
    mode: (MODES.includes(data.mode as string) ? data.mode : 'multi') as RunMode,
    dialect: (DIALECTS.includes(data.dialect as string) ? data.dialect : 'chat') as Dialect,
  };
  if (Array.isArray(data.tools)) lesson.tools = data.tools.filter((t): t is string => typeof t === 'string');
  if (Number.isInteger(data.maxSteps)) lesson.maxSteps = Math.max(1, Math.min(50, data.maxSteps as number));
  if (typeof data.stepThrough === 'boolean') lesson.stepThrough = data.stepThrough;
  let refusedPredict: string | undefined;
  if (typeof data.predict === 'boolean') lesson.predict = data.predict;
  else if (data.predict !== undefined) refusedPredict = JSON.stringify(data.predict).slice(0, 80);
  const dropped: string[] = [];
  if (typeof data.sampling === 'object' && data.sampling !== null) {
    const sampling: NonNullable<Lesson['sampling']> = {};
    for (const [role, value] of Object.entries(data.sampling)) {
      if (!ROLES.includes(role)) continue;
      const checked = checkSampling(value);
      sampling[role as Role] = checked.sampling;
      dropped.push(...checked.problems.map((p) => `${role}: ${p}`));
    }
    lesson.sampling = sampling;
  }
  const prompts = pickRoles(data.systemPrompts, (v): v is string => typeof v === 'string');
  if (prompts) lesson.systemPrompts = prompts;
  if (isLocale(data.locale)) lesson.locale = data.locale;
  if (data.engine === 'tiny' || data.engine === 'scripted') lesson.engine = data.engine;
  if (data.tinySystem === 'glpft' || data.tinySystem === 'one-stage') lesson.tinySystem = data.tinySystem;
  return {
    ok: true,
    lesson,
    ...(dropped.length > 0 ? { dropped } : {}),
    ...(refusedPredict !== undefined ? { refusedPredict } : {}),
  };
}

import { useAppStore } from '../store/index';
import type { ControllerNotice } from '../store/messages/controller-messages';
import { type Lesson, lessonHash, parseLessonHash } from './lesson-link';
import { setToolEnabled } from './tools-controller';

/** The current task and settings as a lesson link (outputs are never included). */
export function currentLessonUrl(): string {
  const s = useAppStore.getState();
  const lesson: Lesson = {
    task: s.task,
    mode: s.mode,
    dialect: s.dialect,
    tools: s.toolList.filter((t) => t.enabled).map((t) => t.name),
    maxSteps: s.maxSteps,
    stepThrough: s.stepThrough,
    predict: s.predictMode,
    sampling: s.roleSampling,
    systemPrompts: s.systemPrompts,
    locale: s.locale,
    // WebLLM needs a GPU and a download the student may not have: the link leaves it out.
    ...(s.engine === 'webllm' ? {} : { engine: s.engine }),
    ...(s.engine === 'tiny' ? { tinySystem: s.tinyMultiSystem === 'one-stage' ? 'one-stage' : 'glpft' } : {}),
  };
  return `${location.origin}${location.pathname}${lessonHash(lesson)}`;
}

/**
 * Applies a lesson link found in the URL (after the tools are loaded). Returns what to tell the
 * user: coded messages, shown one after another in the interface language.
 */
export async function applyLessonFromUrl(hash = location.hash): Promise<ControllerNotice[] | undefined> {
  const parsed = parseLessonHash(hash);
  if (!parsed) return undefined;
  if (!parsed.ok) return [parsed.error];
  const { lesson } = parsed;
  const store = useAppStore.getState();
  if (lesson.locale) store.setLocale(lesson.locale);
  store.setTask(lesson.task);
  store.setMode(lesson.mode);
  store.setDialect(lesson.dialect);
  if (lesson.engine) store.setEngine(lesson.engine);
  if (lesson.tinySystem) store.setTinyMultiSystem(lesson.tinySystem);
  if (lesson.maxSteps) store.setMaxSteps(lesson.maxSteps);
  if (lesson.stepThrough !== undefined) store.setStepThrough(lesson.stepThrough);
  if (lesson.predict !== undefined) store.setPredictMode(lesson.predict);
  if (lesson.sampling) useAppStore.setState({ roleSampling: lesson.sampling });
  if (lesson.systemPrompts) useAppStore.setState({ systemPrompts: lesson.systemPrompts });
  const missing: string[] = [];
  if (lesson.tools) {
    const wanted = new Set(lesson.tools);
    for (const tool of useAppStore.getState().toolList)
      await setToolEnabled(tool.name, wanted.has(tool.name));
    const known = new Set(useAppStore.getState().toolList.map((t) => t.name));
    missing.push(...lesson.tools.filter((t) => !known.has(t)));
  }
  const loaded: ControllerNotice =
    missing.length > 0
      ? { code: 'lessonLoadedMissing', values: { tools: missing.join(', ') } }
      : { code: 'lessonLoaded' };
  const notices: ControllerNotice[] = [loaded];
  if (parsed.dropped)
    notices.push({ code: 'lessonDroppedSampling', values: { problems: parsed.dropped.join('; ') } });
  if (parsed.refusedPredict !== undefined)
    notices.push({ code: 'lessonRefusedPredict', values: { value: parsed.refusedPredict } });
  return notices;
}

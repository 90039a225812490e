import { describe, expect, it } from 'vitest';
import {
  type TraceFileProblem,
  type TraceProblem,
  type TraceWord,
  traceFileMessages,
  traceProblemMessages,
  traceWordMessages,
} from '../agent/trace-file-messages';
import type { Catalog, Message, Messages } from '../i18n/i18n';
import {
  type CustomModelField,
  type CustomModelProblem,
  customModelErrorMessages,
  customModelFieldMessages,
} from '../llm/custom-model-messages';
import { type GpuFailure, type GpuNote, gpuFailureMessages, gpuNoteMessages } from '../llm/gpu-messages';
import { type PresetNote, presetNoteMessages } from '../llm/preset-messages';
import { busyMessages } from '../store/messages/activity-messages';
import { type ControllerNotice, controllerMessages } from '../store/messages/controller-messages';
import {
  type HistoryNotice,
  historyMessages,
  type ImportRefusal,
  importRefusalMessages,
} from '../store/messages/history-messages';
import { slotStatusMessages, suiteControllerMessages } from '../store/messages/suite-messages';
import type { SlotStatus } from '../store/models-slice';
import type { ActivityKind } from '../store/run-slice';
import type { LabNotice } from '../store/suite-slice';
import {
  type ToolLabel,
  type ToolProblem,
  toolLabelMessages,
  toolProblemMessages,
} from '../tools/tool-pack-messages';

/*
 * Every message code a producer outside the interface can emit, found in both catalogs with the
 * same placeholders. The list is built from the types of what each producer emits: `producer`
 * does not compile when those codes and the catalog's keys differ, so a new code without a
 * message (or a message for a code nothing emits) fails `npm run typecheck` before this test.
 */

/** The catalog, if `Codes` are exactly its keys; otherwise the call is missing an argument. */
function producer<Codes extends string>() {
  return <M extends Messages>(
    catalog: Catalog<M>,
    ..._exact: [Codes] extends [keyof M] ? ([keyof M] extends [Codes] ? [] : [never]) : [never]
  ): Catalog<M> => catalog;
}

const PRODUCERS = {
  'GpuProbe failure reason (gpu-probe.ts)': producer<GpuFailure['reason']>()(gpuFailureMessages),
  'GpuNote (gpu-probe.ts problems, warnings)': producer<GpuNote['code']>()(gpuNoteMessages),
  'PresetNote (presets.ts resolvePreset)': producer<PresetNote['code']>()(presetNoteMessages),
  'CatalogError.problem (catalog.ts customModel)':
    producer<CustomModelProblem['code']>()(customModelErrorMessages),
  'CustomModelField (its {what})': producer<CustomModelField>()(customModelFieldMessages),
  'ToolProblem (tool-pack.ts, tools controller)': producer<ToolProblem['code']>()(toolProblemMessages),
  'ToolLabel (its {label})': producer<ToolLabel['code']>()(toolLabelMessages),
  'ControllerNotice (models, tools, lesson controllers)':
    producer<ControllerNotice['code']>()(controllerMessages),
  'LabNotice (suite and comparison controllers)': producer<LabNotice['key']>()(suiteControllerMessages),
  'SlotStatus (a LabNotice {status})': producer<SlotStatus | 'missing'>()(slotStatusMessages),
  'busy refusal (console-api.ts, static evaluation)': producer<ActivityKind | 'wait'>()(busyMessages),
  'HistoryNotice (history controller)': producer<HistoryNotice['code']>()(historyMessages),
  'ImportRefusal (history controller importTraceFile)':
    producer<ImportRefusal['code']>()(importRefusalMessages),
  'TraceFileProblem (trace-file.ts, trace-migrations.ts)':
    producer<TraceFileProblem['code']>()(traceFileMessages),
  'TraceProblem (its {problem})': producer<TraceProblem['code']>()(traceProblemMessages),
  'TraceWord (a TraceProblem {where} or {what})': producer<TraceWord>()(traceWordMessages),
} satisfies Record<string, Catalog<Messages>>;

// Compile-time checks of the above (tsconfig.node.json type-checks tests): these must not compile.
// @ts-expect-error a GPU failure reason without a message
producer<GpuFailure['reason'] | 'device-lost'>()(gpuFailureMessages);
// @ts-expect-error a catalog entry no producer emits
producer<Exclude<GpuNote['code'], 'software'>>()(gpuNoteMessages);
// @ts-expect-error a code that is not in the catalog
const unknownCode: GpuNote = { code: 'tooHigh', values: { limit: 'x', value: 1, minimum: 2 } };
// @ts-expect-error a placeholder without its value
const missingValue: GpuNote = { code: 'tooLow', values: { limit: 'x', value: 1 } };
// @ts-expect-error a value for a placeholder the message does not have
const extraValue: ControllerNotice = { code: 'slotLoaded', values: { roles: [] } };
void [unknownCode, missingValue, extraValue];

const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

/** A function message called with a value for every name, so no placeholder can be left. */
function sample(message: Message): string {
  if (typeof message === 'string') return message;
  return message(new Proxy({}, { get: (_t, name) => (name === 'count' ? 2 : `<${String(name)}>`) }));
}

const codes = Object.entries(PRODUCERS).flatMap(([producerName, catalog]) =>
  Object.keys(catalog.en).map((code) => [producerName, code, catalog as Catalog<Messages>] as const),
);

describe('message codes of the producers', () => {
  it('are found (this test would pass vacuously otherwise)', () => {
    expect(codes.length).toBeGreaterThanOrEqual(80);
  });

  it.each(codes)(
    '%s: %s is in English and Chinese with the same placeholders',
    (_producer, code, catalog) => {
      const en = catalog.en[code];
      const zh = catalog['zh-CN'][code];
      expect(en, 'en').toBeDefined();
      expect(zh, 'zh-CN').toBeDefined();
      if (en === undefined || zh === undefined) return;
      expect(sample(en).trim()).not.toBe('');
      expect(sample(zh).trim()).not.toBe('');
      expect(sample(zh)).not.toBe(sample(en));
      if (typeof en === 'string' && typeof zh === 'string')
        expect(placeholders(zh)).toEqual(placeholders(en));
      else expect(sample(zh)).not.toMatch(/\{\w+\}/);
    },
  );
});

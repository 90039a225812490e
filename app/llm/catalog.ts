/**
 * The model catalog: WebLLM's prebuilt model records plus the user's own MLC-compiled
 * models, described in the terms the UI and the presets need (family, size, VRAM, f16).
 *
 * This module is imported by the page's main bundle, so it only imports WebLLM's *types*.
 * The prebuilt list itself comes in as an argument, or through `loadPrebuiltCatalog()`,
 * the one place that loads `@mlc-ai/web-llm` (lazily, as a separate chunk).
 */
import type { AppConfig, ModelRecord } from '@mlc-ai/web-llm';
import type { Dialect } from '../agent/types';
import {
  type CustomModelField,
  type CustomModelProblem,
  customModelProblemText,
} from './custom-model-messages';

/** A custom model that cannot be used: `problem` says why (the message is the same in English). */
export class CatalogError extends Error {
  override name = 'CatalogError';
  readonly problem: CustomModelProblem;
  constructor(problem: CustomModelProblem) {
    super(customModelProblemText('en', problem));
    this.problem = problem;
  }
}

/** Fields of a WebLLM record that are kept verbatim so `toModelRecord` gives the engine what it expects. */
export type RecordPassthrough = Pick<
  ModelRecord,
  | 'overrides'
  | 'required_features'
  | 'model_type'
  | 'model_manifest'
  | 'buffer_size_required_bytes'
  | 'integrity'
>;

export interface CatalogModel {
  /** WebLLM's `model_id`. */
  id: string;
  /** e.g. 'Qwen2.5', 'Llama-3.2', 'SmolLM2', 'Qwen3', 'Phi', 'gemma'. */
  family: string;
  /** e.g. '0.5B', '360M'; 'unknown' when the id does not say. */
  sizeLabel: string;
  /** Parameters in billions (0 when unknown). */
  paramsB: number;
  /** e.g. 'q4f16_1', 'q4f32_1', 'q0f16'; 'unknown' when the id does not say. */
  quantization: string;
  /** WebLLM's `vram_required_MB` (0 when unknown). */
  vramMB: number;
  /** The window the app budgets prompts against (the model's, or 4 096 when not known). */
  contextWindow: number;
  /**
   * Sent to WebLLM as `overrides.context_window_size`: only a value the record itself sets or
   * the user typed. Otherwise the compiled config's window stands; an override there makes
   * WebLLM throw `WindowSizeConfigurationError` for models with a `sliding_window_size`.
   */
  contextWindowOverride?: number;
  lowResource: boolean;
  /** Needs the WebGPU `shader-f16` feature (f16 quantization or listed in `required_features`). */
  needsF16: boolean;
  /** WebLLM's `model`: the base URL of the weights (WebLLM appends `resolve/main/`). */
  modelUrl: string;
  /** WebLLM's `model_lib`: the compiled model library (.wasm). */
  modelLibUrl: string;
  source: 'prebuilt' | 'custom';
  dialect: Dialect;
  /** False for embedding and vision models, which cannot play an agent role. */
  chatCapable: boolean;
  passthrough?: RecordPassthrough;
}

export type Catalog = readonly CatalogModel[];

export const DEFAULT_CONTEXT_WINDOW = 4096;

/** `ModelType.embedding` (1) and `ModelType.VLM` (2): the enum is a runtime value, so it is spelled out. */
const NON_CHAT_MODEL_TYPES: readonly number[] = [1, 2];

const FAMILY_PATTERNS: ReadonlyArray<[RegExp, (m: RegExpMatchArray) => string]> = [
  [/^Qwen(\d+(?:\.\d+)?)/, (m) => `Qwen${m[1]}`],
  [/^Llama-(\d+(?:\.\d+)?)/, (m) => `Llama-${m[1]}`],
  [/^SmolLM(\d*)/, (m) => `SmolLM${m[1]}`],
  [/^TinyLlama/, () => 'TinyLlama'],
  [/^phi/i, () => 'Phi'],
  [/^gemma/i, () => 'gemma'],
  [/^DeepSeek-R1/, () => 'DeepSeek-R1'],
  [/^(?:Open|Neural)?Hermes/, () => 'Hermes'],
];

/** Ids that do not spell out their size. */
const KNOWN_SIZES: ReadonlyArray<[RegExp, string]> = [
  [/^phi-1_5-/, '1.3B'],
  [/^phi-2-/, '2.7B'],
  [/^Phi-3\.5-vision-/, '4.2B'],
  [/^Phi-(?:3|3\.5|4)-mini-/, '3.8B'],
  [/^snowflake-arctic-embed-m-/, '110M'],
  [/^snowflake-arctic-embed-s-/, '33M'],
];

const SIZE_TOKEN = /^(E?)(\d+(?:[._]\d+)?)([bm])$/i;
const QUANTIZATION = /(?:^|-)(q\d+f\d+(?:_\d+)?)(?:[-_]|$)/;

export interface ParsedModelId {
  family: string;
  sizeLabel: string;
  paramsB: number;
  quantization: string;
}

function sizeFromLabel(label: string): number {
  const match = SIZE_TOKEN.exec(label);
  if (!match?.[2] || !match[3]) return 0;
  const value = Number(match[2].replace('_', '.'));
  return match[3].toUpperCase() === 'M' ? value / 1000 : value;
}

/** Family, size and quantization as far as the id spells them out. */
export function parseModelId(id: string): ParsedModelId {
  let family = id.split('-')[0] ?? id;
  for (const [pattern, name] of FAMILY_PATTERNS) {
    const match = id.match(pattern);
    if (match) {
      family = name(match);
      break;
    }
  }
  let sizeLabel = 'unknown';
  for (const token of id.split('-')) {
    const match = SIZE_TOKEN.exec(token);
    if (match?.[2] && match[3]) {
      sizeLabel = `${match[1] ?? ''}${match[2].replace('_', '.')}${match[3].toUpperCase()}`;
      break;
    }
  }
  if (sizeLabel === 'unknown')
    sizeLabel = KNOWN_SIZES.find(([pattern]) => pattern.test(id))?.[1] ?? 'unknown';
  const quantization = QUANTIZATION.exec(id)?.[1] ?? 'unknown';
  return { family, sizeLabel, paramsB: sizeFromLabel(sizeLabel), quantization };
}

function passthroughOf(record: ModelRecord): RecordPassthrough | undefined {
  const kept: RecordPassthrough = {};
  if (record.overrides !== undefined) kept.overrides = record.overrides;
  if (record.required_features !== undefined) kept.required_features = record.required_features;
  if (record.model_type !== undefined) kept.model_type = record.model_type;
  if (record.model_manifest !== undefined) kept.model_manifest = record.model_manifest;
  if (record.buffer_size_required_bytes !== undefined)
    kept.buffer_size_required_bytes = record.buffer_size_required_bytes;
  if (record.integrity !== undefined) kept.integrity = record.integrity;
  return Object.keys(kept).length > 0 ? kept : undefined;
}

/** One WebLLM prebuilt record as a catalog entry. */
export function fromModelRecord(record: ModelRecord): CatalogModel {
  const parsed = parseModelId(record.model_id);
  const model: CatalogModel = {
    id: record.model_id,
    ...parsed,
    vramMB: record.vram_required_MB ?? 0,
    contextWindow: record.overrides?.context_window_size ?? DEFAULT_CONTEXT_WINDOW,
    ...(record.overrides?.context_window_size !== undefined
      ? { contextWindowOverride: record.overrides.context_window_size }
      : {}),
    lowResource: record.low_resource_required ?? false,
    needsF16: (record.required_features ?? []).includes('shader-f16') || parsed.quantization.includes('f16'),
    modelUrl: record.model,
    modelLibUrl: record.model_lib,
    source: 'prebuilt',
    dialect: 'chat',
    chatCapable: record.model_type === undefined || !NON_CHAT_MODEL_TYPES.includes(record.model_type),
  };
  const passthrough = passthroughOf(record);
  if (passthrough) model.passthrough = passthrough;
  return model;
}

/** The catalog of a WebLLM app config (pass `prebuiltAppConfig`, or a small fake in tests). */
export function buildCatalog(appConfig: Pick<AppConfig, 'model_list'>): CatalogModel[] {
  return appConfig.model_list.map(fromModelRecord);
}

/**
 * WebLLM's prebuilt catalog. This loads the whole WebLLM module: call it in a worker or a
 * Node script; on the main thread prefer a model list handed over by the LLM worker.
 */
export async function loadPrebuiltCatalog(): Promise<CatalogModel[]> {
  const { prebuiltAppConfig } = await import('@mlc-ai/web-llm');
  return buildCatalog(prebuiltAppConfig);
}

export function findModel(catalog: Catalog, id: string): CatalogModel | undefined {
  return catalog.find((model) => model.id === id);
}

/** Models that can play an agent role (no embedding or vision models). */
export function chatModels(catalog: Catalog): CatalogModel[] {
  return catalog.filter((model) => model.chatCapable);
}

/**
 * The f32 twin of an f16 model (`…-q4f16_1-MLC` → `…-q4f32_1-MLC`, `q0f16` → `q0f32`), for GPUs
 * without `shader-f16`. Undefined when `id` is unknown, is not an f16 model, or has no twin.
 */
export function f32Twin(catalog: Catalog, id: string): CatalogModel | undefined {
  const model = findModel(catalog, id);
  if (!model?.needsF16 || !model.quantization.includes('f16')) return undefined;
  const twinQuantization = model.quantization.replace('f16', 'f32');
  const twinId = id.replace(`-${model.quantization}`, `-${twinQuantization}`);
  const twin = twinId === id ? undefined : findModel(catalog, twinId);
  return twin && !twin.needsF16 ? twin : undefined;
}

export interface CustomModelInput {
  id: string;
  modelUrl: string;
  modelLibUrl: string;
  vramMB?: number;
  contextWindow?: number;
  dialect: Dialect;
}

const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

function checkUrl(value: unknown, what: CustomModelField): string {
  if (typeof value !== 'string' || value.trim() === '')
    throw new CatalogError({ code: 'empty', values: { what } });
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new CatalogError({ code: 'notAbsolute', values: { what, value } });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new CatalogError({ code: 'protocol', values: { what, value, protocol: url.protocol } });
  return url.href;
}

function checkPositive(value: number | undefined, what: CustomModelField, integer: boolean): void {
  if (value === undefined) return;
  if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value)))
    throw new CatalogError({ code: integer ? 'positiveWhole' : 'positive', values: { what, value } });
}

/**
 * A user's own MLC-compiled model (for example α-UMi weights they compiled). Throws
 * `CatalogError` with the problem (a coded message) when the input is not usable.
 */
export function customModel(input: CustomModelInput): CatalogModel {
  const id = typeof input.id === 'string' ? input.id.trim() : '';
  if (!SAFE_ID.test(id) || id.includes('..'))
    throw new CatalogError({ code: 'badId', values: { id: String(input.id) } });
  const modelUrl = checkUrl(input.modelUrl, 'modelUrl');
  const modelLibUrl = checkUrl(input.modelLibUrl, 'modelLibUrl');
  if (!new URL(modelLibUrl).pathname.endsWith('.wasm'))
    throw new CatalogError({ code: 'notWasm', values: { url: String(input.modelLibUrl) } });
  checkPositive(input.vramMB, 'vramMB', false);
  checkPositive(input.contextWindow, 'contextWindow', true);
  if (input.dialect !== 'chat' && input.dialect !== 'alpha-umi')
    throw new CatalogError({ code: 'dialect', values: { value: String(input.dialect) } });
  const parsed = parseModelId(id);
  // The library's file name usually names the quantization when the id does not.
  const libFile = new URL(modelLibUrl).pathname.split('/').pop() ?? '';
  const quantization =
    parsed.quantization !== 'unknown'
      ? parsed.quantization
      : (/q\d+f\d+(?:_\d+)?/.exec(libFile)?.[0] ?? 'unknown');
  return {
    id,
    ...parsed,
    quantization,
    vramMB: input.vramMB ?? 0,
    contextWindow: input.contextWindow ?? DEFAULT_CONTEXT_WINDOW,
    ...(input.contextWindow !== undefined ? { contextWindowOverride: input.contextWindow } : {}),
    lowResource: false,
    needsF16: quantization.includes('f16'),
    modelUrl,
    modelLibUrl,
    source: 'custom',
    dialect: input.dialect,
    chatCapable: true,
  };
}

/** The record to put in the engine's `appConfig.model_list`. */
export function toModelRecord(model: CatalogModel): ModelRecord {
  const { overrides, required_features, ...rest } = model.passthrough ?? {};
  const record: ModelRecord = {
    model: model.modelUrl,
    model_id: model.id,
    model_lib: model.modelLibUrl,
    ...rest,
    low_resource_required: model.lowResource,
  };
  const { context_window_size: _recorded, ...otherOverrides } = overrides ?? {};
  const merged = {
    ...otherOverrides,
    ...(model.contextWindowOverride !== undefined
      ? { context_window_size: model.contextWindowOverride }
      : {}),
  };
  if (Object.keys(merged).length > 0) record.overrides = merged;
  if (model.vramMB > 0) record.vram_required_MB = model.vramMB;
  // A custom f16 model declares the feature, so WebLLM fails early with its own clear error.
  const features =
    required_features ?? (model.source === 'custom' && model.needsF16 ? ['shader-f16'] : undefined);
  if (features) record.required_features = features;
  return record;
}

/** e.g. "Qwen2.5 0.5B · q4f16_1 · 945 MB". */
export function modelLabel(model: CatalogModel): string {
  const parts = [`${model.family} ${model.sizeLabel === 'unknown' ? '' : model.sizeLabel}`.trim()];
  if (model.quantization !== 'unknown') parts.push(model.quantization);
  if (model.vramMB > 0) parts.push(`${Math.round(model.vramMB)} MB`);
  return parts.join(' · ');
}

import type { Locator, Page } from '@playwright/test';

export type Slot = 'planner' | 'caller' | 'summarizer' | 'backbone';

/** One role's model in the models panel. */
export interface SlotView {
  /** `data-status` (idle, loading, ready, failed) and `data-webllm` (the engine's version). */
  root: Locator;
  /** The model chosen for the role. */
  model: Locator;
  error: Locator;
  retry: Locator;
}

/** "Prepare for offline": sizes first, then the cache, then the download. */
export class PrepareOfflinePanel {
  readonly panel: Locator;
  readonly sizesButton: Locator;
  readonly checkCacheButton: Locator;
  readonly downloadButton: Locator;
  /** One per model to download; `data-cached` once the cache was checked. */
  readonly models: Locator;
  readonly total: Locator;
  readonly cacheReport: Locator;
  readonly sizeError: Locator;

  constructor(page: Page) {
    this.panel = page.getByTestId('prepare-offline');
    this.sizesButton = this.panel.getByTestId('offline-sizes');
    this.checkCacheButton = this.panel.getByTestId('offline-check-cache');
    this.downloadButton = this.panel.getByTestId('offline-download');
    this.models = this.panel.getByTestId('offline-model');
    this.total = this.panel.getByTestId('offline-total');
    this.cacheReport = this.panel.getByTestId('offline-cache-report');
    this.sizeError = this.panel.getByTestId('offline-size-error');
  }

  /** The models whose cache state is known: cached or not. */
  modelsCached(cached: boolean): Locator {
    return this.panel.locator(`[data-testid="offline-model"][data-cached="${cached}"]`);
  }
}

/** Page object for the models panel (GPU engine): the probe, presets, one slot per role, loading. */
export class ModelsPanel {
  readonly panel: Locator;
  readonly heading: Locator;
  /** The WebGPU probe: `data-f16`, `data-arch`. */
  readonly gpuStatus: Locator;
  /** Shown instead when the browser has no WebGPU adapter. */
  readonly noWebGpu: Locator;
  readonly useScriptedButton: Locator;
  readonly presetNotes: Locator;
  readonly totalVram: Locator;
  readonly sourceSelect: Locator;
  readonly loadButton: Locator;
  readonly prepareOffline: PrepareOfflinePanel;

  constructor(readonly page: Page) {
    this.panel = page.getByTestId('model-panel');
    this.heading = this.panel.locator('h2');
    this.gpuStatus = page.getByTestId('gpu-status');
    this.noWebGpu = page.getByTestId('no-webgpu-panel');
    this.useScriptedButton = page.getByTestId('use-scripted');
    this.presetNotes = page.getByTestId('preset-note');
    this.totalVram = page.getByTestId('total-vram');
    this.sourceSelect = page.getByTestId('model-source-select');
    this.loadButton = page.getByTestId('load-models');
    this.prepareOffline = new PrepareOfflinePanel(page);
  }

  slot(slot: Slot): SlotView {
    return {
      root: this.page.getByTestId(`slot-${slot}`),
      model: this.page.getByTestId(`role-model-${slot}`),
      error: this.page.getByTestId(`slot-error-${slot}`),
      retry: this.page.getByTestId(`retry-${slot}`),
    };
  }

  /** Where model files come from: this site's /models/ (not on the test server) or Hugging Face. */
  async useModelsFrom(source: 'this-site' | 'huggingface'): Promise<void> {
    await this.sourceSelect.selectOption(source);
  }

  async loadModels(): Promise<void> {
    await this.loadButton.click();
  }

  /** Adds a custom MLC model to the catalog through its form. */
  async addCustomModel(model: { id: string; modelUrl: string; modelLibUrl: string; dialect: string }) {
    const form = this.page.locator('form.custom-model-form');
    await this.page.locator('details', { has: form }).locator('summary').click();
    await form.locator('input[name="id"]').fill(model.id);
    await form.locator('input[name="modelUrl"]').fill(model.modelUrl);
    await form.locator('input[name="modelLibUrl"]').fill(model.modelLibUrl);
    await form.locator('select[name="dialect"]').selectOption(model.dialect);
    await form.locator('button[type="submit"]').click();
  }
}

/** Page object for the tiny α-UMi models panel (tiny engine): one card per system. */
export class TinyModelsPanel {
  readonly panel: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByTestId('tiny-models');
  }

  /** A system's card (a `<details>`, open for the system in use). */
  card(system: string): Locator {
    return this.page.getByTestId(`tiny-card-${system}`);
  }

  params(system: string): Locator {
    return this.page.getByTestId(`tiny-params-${system}`);
  }

  async openCard(system: string): Promise<void> {
    await this.card(system).locator('summary').click();
  }
}

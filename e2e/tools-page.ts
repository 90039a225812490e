import { expect, type Locator, type Page } from '@playwright/test';
import { type Downloaded, downloadFrom, jsonFile } from './downloads';

/** Page object for the Tools tab: the built-in and user tools, the editor, tool packs. */
export class ToolsPage {
  readonly manager: Locator;
  readonly heading: Locator;
  readonly newButton: Locator;
  readonly editor: Locator;
  /** The editor's "Save and test-run". */
  readonly testRunButton: Locator;
  /** `data-ok` says whether the test run worked. */
  readonly testResult: Locator;
  readonly importMessage: Locator;

  constructor(readonly page: Page) {
    this.manager = page.getByTestId('tool-manager');
    this.heading = this.manager.locator('h2');
    this.newButton = page.getByTestId('tool-new');
    this.editor = page.getByTestId('tool-editor');
    this.testRunButton = page.getByTestId('tool-test-run');
    this.testResult = page.getByTestId('tool-test-result');
    this.importMessage = page.getByTestId('tool-import-message');
  }

  /** Opens the Tools tab. */
  static async open(page: Page): Promise<ToolsPage> {
    await page.getByTestId('tab-tools').click();
    const tools = new ToolsPage(page);
    await expect(tools.manager).toBeVisible();
    return tools;
  }

  /** A tool's row; `data-enabled` says whether runs may call it. */
  row(name: string): Locator {
    return this.manager.locator(`[data-testid="tool-row"][data-name="${name}"]`);
  }

  /** A tool's on/off switch. */
  enabled(name: string): Locator {
    return this.page.getByTestId(`tool-enabled-${name}`);
  }

  /** Deletes a user tool, saying yes to the confirmation. */
  async deleteTool(name: string): Promise<void> {
    this.page.once('dialog', (dialog) => void dialog.accept());
    await this.page.getByTestId(`tool-delete-${name}`).click();
  }

  /** Imports a tool pack file: an object is written as JSON, a string as it is. */
  async importPack(name: string, content: unknown): Promise<void> {
    await this.page.getByTestId('tool-import-file').setInputFiles(jsonFile(name, content));
  }

  /** Exports the user tools as a tool pack. */
  exportPack(): Promise<Downloaded> {
    return downloadFrom(this.page.getByTestId('tool-export'));
  }
}

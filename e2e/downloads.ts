import { readFile } from 'node:fs/promises';
import type { Locator } from '@playwright/test';

export interface Downloaded {
  /** The name the page suggested for the file. */
  name: string;
  text: string;
}

/** Clicks `button` and reads the file its click downloads. */
export async function downloadFrom(button: Locator): Promise<Downloaded> {
  const [download] = await Promise.all([button.page().waitForEvent('download'), button.click()]);
  return { name: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
}

/** A file to hand to an `<input type="file">`: JSON for objects, the text as it is for strings. */
export function jsonFile(name: string, content: unknown) {
  return {
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(typeof content === 'string' ? content : JSON.stringify(content)),
  };
}

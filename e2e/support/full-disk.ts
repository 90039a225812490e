import type { Page } from '@playwright/test';

/**
 * A full disk, simulated: from the next page load, every IndexedDB `put` into `store` throws
 * the QuotaExceededError a full disk gives, until `freeDisk` is called.
 */
export async function fillDisk(page: Page, store: 'traces' | 'summaries'): Promise<void> {
  await page.addInitScript((storeName) => {
    const put = IDBObjectStore.prototype.put;
    const flag = window as unknown as { umiDiskFull: boolean };
    flag.umiDiskFull = true;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<typeof put>) {
      if (flag.umiDiskFull && this.name === storeName)
        throw new DOMException('The quota has been exceeded (simulated).', 'QuotaExceededError');
      return put.apply(this, args);
    };
  }, store);
}

/** Space is freed: writes go through again (the page stays as it is). */
export async function freeDisk(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { umiDiskFull: boolean }).umiDiskFull = false;
  });
}

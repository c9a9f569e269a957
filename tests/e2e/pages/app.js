// Page object for the app shell: header, language switch, routing.
export class AppPage {
  constructor(page) {
    this.page = page;
    this.main = page.getByTestId('main');
    this.brand = page.getByTestId('brand');
  }

  /** Opens the app (optionally at a hash route) and waits for wasm to render. */
  async open(hash = '') {
    await this.page.goto(hash ? `./${hash}` : './');
    await this.brand.waitFor();
  }

  langButton(code) {
    return this.page.getByTestId(`lang-${code}`);
  }

  async switchLanguage(code) {
    await this.langButton(code).click();
  }

  async reload() {
    await this.page.reload();
    await this.brand.waitFor();
  }
}

/**
 * Waits until the store has nothing to save any more (no save scheduled or
 * being written: `<html data-kbr-save>` is not `busy`), then for two frames:
 * after this, a write or a change on screen would have happened already.
 * For checks that something did NOT happen, instead of a fixed sleep.
 */
export async function settled(page) {
  await page.waitForFunction(() => document.documentElement.getAttribute('data-kbr-save') !== 'busy');
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.waitForFunction(() => document.documentElement.getAttribute('data-kbr-save') !== 'busy');
}

/** Every `kbr:` key in localStorage with its value: to compare before and after. */
export async function kbrStorage(page) {
  return page.evaluate(() => Object.fromEntries(Object.keys(localStorage)
    .filter((k) => k.startsWith('kbr:')).sort().map((k) => [k, localStorage.getItem(k)])));
}

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

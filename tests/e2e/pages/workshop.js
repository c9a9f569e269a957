// Page objects: the trainer's workshop screens, a client's invite rounds,
// and the participant page an invite link opens.
import { expect } from '@playwright/test';

export class WorkshopsPage {
  constructor(page) {
    this.page = page;
  }

  async open() {
    await this.page.goto('./#/workshops');
    await this.page.getByTestId('workshops-page').waitFor();
  }

  /** Creates a session; `exercises` are definition ids to hold. */
  async create({ title, lang = 'nl', exercises = ['hostmanship'] }) {
    const form = this.page.getByTestId('new-session');
    await form.getByTestId('session-title').fill(title);
    await form.getByTestId(`session-lang-${lang}`).check();
    for (const box of await form.locator('[data-testid^="exercise-"]').all()) {
      const id = (await box.getAttribute('data-testid')).slice('exercise-'.length);
      if (exercises.includes(id)) await box.check();
      else await box.uncheck();
    }
    await form.getByTestId('session-create').click();
    await this.page.getByTestId('workshop-page').waitFor();
    return new SessionPage(this.page);
  }
}

export class SessionPage {
  constructor(page) {
    this.page = page;
    this.inviteLink = page.getByTestId('invite-link');
    this.count = page.getByTestId('answered-count');
    this.results = page.getByTestId('results');
    this.outcomes = page.getByTestId('collect-outcomes');
  }

  async link() {
    return this.inviteLink.inputValue();
  }

  async paste(text) {
    await this.page.getByTestId('collect-input').fill(text);
    await this.page.getByTestId('collect-add').click();
  }

  async reveal() {
    await this.page.getByTestId('reveal').click();
    await this.results.waitFor();
  }

  section(exercise, id) {
    return this.page.getByTestId(`result-${exercise}`).getByTestId(`section-${id}`);
  }
}

/** The participant page in its own browser context (a phone). */
export class ParticipantPage {
  constructor(page) {
    this.page = page;
    this.returnLink = page.getByTestId('return-link');
  }

  async open(link) {
    await this.page.goto(link);
    await this.page.getByTestId('participant').waitFor();
  }

  async start(pseudonym = '') {
    if (pseudonym) await this.page.getByTestId('pseudonym').fill(pseudonym);
    await this.page.getByTestId('start').click();
  }

  /**
   * Answers screen after screen until the end: `answer(itemId)` returns 1–5,
   * 'skip', an option id, text or undefined (leave it). `seen`, when given,
   * collects the text of every screen passed.
   */
  async fillAll(answer, seen = null) {
    for (;;) {
      const section = this.page.getByTestId('participant-section');
      const done = this.page.getByTestId('participant-done');
      await expect(section.or(done)).toBeVisible();
      if (await done.isVisible()) return;
      if (seen) seen.push(await section.innerText());
      for (const group of await section.locator('[role="radiogroup"][data-testid^="q-"], textarea[data-testid^="q-"]').all()) {
        const item = (await group.getAttribute('data-testid')).slice(2);
        const value = answer(item);
        if (value === undefined) continue;
        if ((await group.evaluate((el) => el.tagName)) === 'TEXTAREA') await group.fill(String(value));
        else await section.getByTestId(`q-${item}-${value}`).check();
      }
      await this.page.getByTestId('next').click();
    }
  }

  async link() {
    return this.returnLink.inputValue();
  }
}

/** A browser context as a phone, failing the test on console errors. */
export async function phone(browser, errors) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'nl-NL' });
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`phone: ${m.text()}`); });
  page.on('pageerror', (e) => errors.push(`phone pageerror: ${e.message}`));
  return { context, page };
}

/** Nothing scrolls sideways at the page's width. */
export async function expectNoSidewaysScroll(page) {
  const [scroll, width] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect(scroll, 'page scrolls sideways').toBeLessThanOrEqual(width);
}

/** The client-view tab of a client: invite rounds and the trust gap. */
export class ClientViewPage {
  constructor(page) {
    this.page = page;
    this.rounds = page.getByTestId('round-card');
  }

  /** A new round from `person` of organisation `sender`. */
  async createRound({ sender, person = 'Eva de Vries', lang = 'nl', register = 'u' }) {
    const form = this.page.getByTestId('new-round');
    await form.getByTestId('round-person').fill(person);
    await form.getByTestId('round-organisation').fill(sender);
    await form.getByTestId(`round-lang-${lang}`).check();
    await form.getByTestId(`round-register-${register}`).check();
    const before = await this.rounds.count();
    await form.getByTestId('round-create').click();
    // A made round shows as a new card (wait for it before reading links);
    // without a sender it is refused and says why.
    if (sender && person) await expect(this.rounds).toHaveCount(before + 1);
    else await expect(form.getByRole('alert')).toBeVisible();
  }

  /** The newest round card (rounds are listed newest first). */
  round(n = 0) {
    return this.rounds.nth(n);
  }

  async inviteLink(n = 0) {
    return this.round(n).getByTestId('round-link').inputValue();
  }

  async paste(text, n = 0) {
    const card = this.round(n);
    await card.getByTestId('round-paste-input').fill(text);
    await card.getByTestId('round-paste-add').click();
  }
}

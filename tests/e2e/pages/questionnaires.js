// Page objects: interaction moments and self-assessments of one client.
export class MomentsPage {
  constructor(page) {
    this.page = page;
    this.form = page.getByTestId('moment-form');
    this.moments = page.getByTestId('moment');
    this.errors = page.getByTestId('moment-errors');
  }

  stat(name) {
    return this.page.getByTestId(`stat-${name}`);
  }

  /** Logs a moment. `answers` maps item ids to a value: 1–5, 'skip', an option id or text. */
  async log({ date, kind = 'meeting', description, answers = {}, due, submit = true }) {
    if (!(await this.form.isVisible())) await this.page.getByTestId('moment-new').click();
    const f = this.form;
    if (date) await f.getByTestId('moment-date').fill(date);
    await f.getByTestId('moment-kind').selectOption(kind);
    await f.getByTestId('moment-description').fill(description);
    await answer(f, answers);
    if (due !== undefined) {
      await f.getByTestId('moment-plan').check();
      if (due) await f.getByTestId('moment-due').fill(due);
    }
    if (submit) await f.getByTestId('moment-save').click();
  }

  moment(text) {
    return this.moments.filter({ hasText: text });
  }
}

export class AssessmentPage {
  constructor(page) {
    this.page = page;
    this.form = page.getByTestId('assessment-form');
    this.total = page.getByTestId('assessment-total');
    this.historyRows = page.getByTestId('history-row');
  }

  async open(definition) {
    await this.page.getByTestId(`open-${definition}`).click();
    await this.page.getByTestId('assessment').waitFor();
  }

  /** Fills in and saves an assessment. */
  async fill({ date, answers }) {
    await this.page.getByTestId('assessment-new').click();
    if (date) await this.form.getByTestId('assessment-date').fill(date);
    await answer(this.form, answers);
    await this.form.getByTestId('assessment-save').click();
    await this.form.waitFor({ state: 'detached' });
  }

  section(id) {
    return this.page.getByTestId(`section-${id}`);
  }
}

async function answer(scope, answers) {
  for (const [item, value] of Object.entries(answers)) {
    const group = scope.getByTestId(`q-${item}`);
    if (typeof value === 'string' && (await group.evaluate((el) => el.tagName)) === 'TEXTAREA') {
      await group.fill(value);
    } else {
      await scope.getByTestId(`q-${item}-${value}`).check();
    }
  }
}

/** The hostmanship statements per principle, as the definition has them. */
export const HOSTMANSHIP = {
  serving: ['serving-success', 'serving-beyond-contract', 'serving-welcome'],
  whole: ['whole-journey', 'whole-eyes', 'whole-colleagues'],
  responsibility: ['responsibility-own', 'responsibility-no-blame', 'responsibility-follow-up'],
  consideration: ['consideration-shoes', 'consideration-judgement', 'consideration-timing'],
  dialogue: ['dialogue-listen', 'dialogue-understand', 'dialogue-unasked'],
  knowledge: ['knowledge-craft', 'knowledge-curious', 'knowledge-admit'],
};

/** Answers giving every principle `score`, except those in `overrides`. */
export function hostmanshipAnswers(score, overrides = {}) {
  const out = {};
  for (const [principle, items] of Object.entries(HOSTMANSHIP)) {
    for (const item of items) out[item] = overrides[principle] ?? score;
  }
  return out;
}

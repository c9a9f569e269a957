// A workshop of thirty in one room: thirty return codes made by the
// participant page itself, one scanned through Chromium's fake camera and
// the rest pasted in one go; the results and the projector at 1920x1080
// and 1280x720; the group result saved onto a client with exactly the
// workshop's numbers (statements skipped by some); the trainer's screens
// at 360 px; camera trouble said plainly while pasting keeps working.
import { test, expect, expectNoAxeViolations } from '../fixtures.js';
import { AppPage } from '../pages/app.js';
import { OverviewPage } from '../pages/overview.js';
import { HOSTMANSHIP } from '../pages/questionnaires.js';
import { WorkshopsPage, ParticipantPage, phone, expectNoSidewaysScroll } from '../pages/workshop.js';
import { qrFrame, blankFrame, writeY4m, cameraBrowser } from '../pages/camera.js';

test.skip(({ isMobile }) => isMobile, 'the trainer works at a laptop; participants are phones inside the test');

const N = 30;

// Participant i: dialogue 5 or 1 (the largest spread), serving 4, every
// third one "own responsibility" 5 with the other two responsibility
// statements skipped, the rest 2 on all three; the rest 3 or 4. Outside
// responsibility only the first statement is answered (fewer taps).
function score(i, principle, item) {
  if (principle !== 'responsibility' && item !== HOSTMANSHIP[principle][0]) return undefined;
  switch (principle) {
    case 'dialogue': return i % 2 ? 1 : 5;
    case 'serving': return 4;
    case 'responsibility':
      if (i % 3 === 0) return item === 'responsibility-own' ? 5 : 'skip';
      return 2;
    default: return 3 + (i % 2);
  }
}

function answersOf(i) {
  return (item) => {
    for (const [principle, items] of Object.entries(HOSTMANSHIP)) {
      if (items.includes(item)) return score(i, principle, item);
    }
    return undefined;
  };
}

// The oracle for the totals: each participant's own total (the mean of
// their six principles on 0–100, rounded), and the group's the mean of those.
function groupTotal() {
  const totals = [];
  for (let i = 0; i < N; i++) {
    const shares = Object.keys(HOSTMANSHIP).map((p) => {
      const vals = HOSTMANSHIP[p].map((item) => score(i, p, item)).filter((v) => typeof v === 'number');
      return vals.reduce((a, v) => a + (v - 1) / 4, 0) / vals.length;
    });
    totals.push(Math.round((100 * shares.reduce((a, v) => a + v, 0)) / shares.length));
  }
  return Math.round(totals.reduce((a, v) => a + v, 0) / N);
}

/** Every element with text inside `root` renders it at `min` px or more. */
async function smallestText(locator) {
  return locator.evaluate((root) => {
    let smallest = Infinity;
    for (const el of root.querySelectorAll('*')) {
      const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
      if (own && el.getClientRects().length) smallest = Math.min(smallest, parseFloat(getComputedStyle(el).fontSize));
    }
    return smallest;
  });
}

test('thirty participants: one scanned by the camera, twenty-nine pasted at once, projected, saved exactly', async ({ page, browser, consoleErrors }) => {
  test.setTimeout(300_000);
  const app = new AppPage(page);
  await app.open();
  await new OverviewPage(page).createClient({ name: 'Van Dalen Bouw', manager: 'Eva' });
  const workshops = new WorkshopsPage(page);
  await workshops.open();
  const session = await workshops.create({ title: 'Zaal dertig', exercises: ['hostmanship'] });
  const invite = await session.link();

  // Thirty phones, a few at a time; the first one's return screen is what
  // the camera sees.
  const links = new Array(N);
  let frame;
  const participant = async (i) => {
    const { context, page: ph } = await phone(browser, consoleErrors);
    const p = new ParticipantPage(ph);
    await p.open(invite);
    await p.start(`P${i + 1}`);
    await p.fillAll(answersOf(i));
    if (i === 0) {
      // Large and high contrast, with a word on the brightness.
      await expect(ph.getByTestId('scan-hint')).toContainText('helderheid');
      const qr = ph.getByTestId('participant-done').getByTestId('qr');
      expect((await qr.boundingBox()).width).toBeGreaterThanOrEqual(300);
      frame = await qrFrame(ph);
    }
    links[i] = await p.link();
    await context.close();
  };
  for (let i = 0; i < N; i += 5) await Promise.all([0, 1, 2, 3, 4].map((k) => participant(i + k)));
  expect(new Set(links).size).toBe(N);

  // The trainer's laptop, whose camera sees the first phone: the session
  // moves there with the browser's storage.
  const state = await page.context().storageState();
  const camera = await cameraBrowser(writeY4m([{ frame: blankFrame(), count: 5 }, { frame, count: 20 }]));
  try {
    const laptop = await camera.newContext({ storageState: state, viewport: { width: 1280, height: 860 }, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
    const trainer = await laptop.newPage();
    const errors = [];
    trainer.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    trainer.on('pageerror', (e) => errors.push(e.message));
    await trainer.goto(page.url());
    await trainer.getByTestId('workshop-page').waitFor();
    await trainer.getByTestId('scan-toggle').click();
    await trainer.getByTestId('scan-expected').fill(String(N));
    const last = trainer.getByTestId('scan-last');
    await expect(last).toHaveText('Toegevoegd: P1.');
    await expect(last).toHaveClass(/ok/);
    await expect(trainer.getByTestId('scan-count')).toHaveText(`1 van ${N}`);
    // Held in view, the code is not added again and again.
    await expect(trainer.getByTestId('answered-count')).toHaveText('1 beantwoord');
    await expectNoAxeViolations(trainer);

    // The other twenty-nine in one paste, while the scan goes on; the
    // first one pasted again changes nothing and says so.
    await trainer.getByTestId('collect-input').fill(links.slice(1).join('\n'));
    await trainer.getByTestId('collect-add').click();
    await expect(trainer.getByTestId('outcome-ok')).toHaveCount(N - 1);
    await expect(trainer.getByTestId('scan-count')).toHaveText(`${N} van ${N}`);
    await trainer.getByTestId('collect-input').fill(links[0]);
    await trainer.getByTestId('collect-add').click();
    await expect(trainer.getByTestId('outcome-refused')).toHaveText(/Al toegevoegd: de antwoorden van P1/);
    await expect(trainer.getByTestId('answered-count')).toHaveText(`${N} beantwoord`);
    await trainer.getByTestId('scan-toggle').click();
    await expect(trainer.getByTestId('scanner')).toHaveCount(0);

    // The results, explained where they stand.
    await trainer.getByTestId('reveal').click();
    const responsibility = trainer.getByTestId('result-hostmanship').getByTestId('section-responsibility');
    // 10 × 5 and 20 × 2: 3,0 (the statement means would give 2,3).
    await expect(responsibility).toContainText('gemiddeld 3,0');
    await expect(trainer.getByTestId('stats-help').first()).toContainText('standaardafwijking');
    await expect(trainer.getByTestId('csv-help')).toContainText('Score (0-100)');
    const total = groupTotal();

    // The results page and the projector, full HD: large type, the
    // total, most disagreement first.
    await trainer.setViewportSize({ width: 1920, height: 1080 });
    await expect(responsibility.locator('circle.dot')).toHaveCount(N);
    await expectNoSidewaysScroll(trainer);
    await expectNoAxeViolations(trainer);
    await trainer.getByTestId('projector-open').click();
    const projector = trainer.getByTestId('projector');
    await expect(projector).toBeVisible();
    await expect(trainer.getByTestId('projector-total')).toHaveText(`Groepstotaal ${total} van 100 · ${N} deelnemers`);
    const rows = projector.locator('.projector-row');
    await expect(rows).toHaveCount(6);
    await expect(rows.first()).toHaveAttribute('data-testid', 'projector-row-dialogue');
    await expect(projector.getByTestId('projector-row-dialogue').locator('circle.dot')).toHaveCount(N);
    expect(await smallestText(projector)).toBeGreaterThanOrEqual(24);
    await expectNoSidewaysScroll(trainer);
    await expectNoAxeViolations(trainer);
    // Step through the principles by keyboard; Esc leaves.
    await trainer.keyboard.press('ArrowRight');
    await expect(trainer.getByTestId('projector-section').getByRole('heading', { level: 2 })).toHaveText('Dialoog voeren');
    await expect(trainer.getByTestId('projector-position')).toHaveText('2 / 7');
    expect(await smallestText(projector)).toBeGreaterThanOrEqual(24);
    await trainer.keyboard.press('ArrowLeft');
    await expect(trainer.getByTestId('projector-overview')).toBeVisible();
    await trainer.setViewportSize({ width: 1280, height: 720 });
    expect(await smallestText(projector)).toBeGreaterThanOrEqual(24);
    await expectNoSidewaysScroll(trainer);
    await trainer.keyboard.press('Escape');
    await expect(projector).toHaveCount(0);
    await expect(trainer.getByTestId('workshop-page')).toBeVisible();

    // The trainer's screens on a phone.
    await trainer.setViewportSize({ width: 360, height: 740 });
    await expectNoSidewaysScroll(trainer);
    await expectNoAxeViolations(trainer);
    await trainer.setViewportSize({ width: 1280, height: 860 });

    // Saved onto the client: the same numbers there, marked as the group's.
    await trainer.getByTestId('save-client').selectOption({ label: 'Van Dalen Bouw' });
    await trainer.getByTestId('save-group').click();
    await expect(trainer.getByTestId('toast')).toContainText('Van Dalen Bouw');
    await trainer.goto(page.url().replace(/#.*$/, '#/'));
    await trainer.getByText('Van Dalen Bouw').first().click();
    await trainer.getByTestId('tab-assessments').click();
    await trainer.getByTestId('open-hostmanship').click();
    await expect(trainer.getByTestId('assessment-total')).toHaveText(`Totaal ${total}/100`);
    await expect(trainer.getByTestId('section-scores').getByTestId('section-responsibility')).toContainText('3,0 / 5');
    await expect(trainer.getByTestId('group-figures')).toContainText(`${N} deelnemers`);
    await expect(trainer.getByTestId('group-figure').nth(2)).toContainText('3,0 / 5 · spreiding');
    await expect(trainer.getByTestId('group-badge')).toContainText('Zaal dertig');
    await expectNoAxeViolations(trainer);
    expect(errors).toEqual([]);
    await laptop.close();
  } finally {
    await camera.close();
  }
});

test('one participant: the plain score and that a spread needs two', async ({ page, browser, consoleErrors }) => {
  const app = new AppPage(page);
  await app.open();
  const workshops = new WorkshopsPage(page);
  await workshops.open();
  const session = await workshops.create({ title: 'Alleen', exercises: ['hostmanship'] });
  const { context, page: ph } = await phone(browser, consoleErrors);
  const p = new ParticipantPage(ph);
  await p.open(await session.link());
  await p.start('Solo');
  await p.fillAll(answersOf(1));
  const link = await p.link();
  await context.close();
  await session.paste(link);
  await session.reveal();
  const dialogue = session.section('hostmanship', 'dialogue');
  await expect(dialogue).toHaveText(/1,0 · één antwoord: een spreiding vraagt er minstens twee/);
  await expect(dialogue).not.toContainText('bereik');
  await expect(dialogue).not.toContainText('sd');
  await page.getByTestId('projector-open').click();
  await expect(page.getByTestId('projector-row-dialogue')).toContainText('één antwoord: een spreiding vraagt er twee');
  await page.getByTestId('projector-close').click();
  await expect(page.getByTestId('workshop-page')).toBeVisible();
});

for (const [error, message] of [
  ['NotAllowedError', 'De camera mag niet worden gebruikt'],
  ['NotFoundError', 'Er is geen camera gevonden'],
  ['NotReadableError', 'De camera is in gebruik door een ander programma'],
]) {
  test(`camera trouble (${error}) is said plainly, and pasting keeps working`, async ({ page }) => {
    await page.addInitScript((name) => {
      navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('camera', name));
    }, error);
    const app = new AppPage(page);
    await app.open();
    const workshops = new WorkshopsPage(page);
    await workshops.open();
    const session = await workshops.create({ title: 'Zonder camera', exercises: ['integrity'] });
    await page.getByTestId('scan-toggle').click();
    await expect(page.getByTestId('camera-problem')).toContainText(message);
    await session.paste('hallo');
    await expect(page.getByTestId('outcome-refused')).toBeVisible();
    await expectNoAxeViolations(page);
  });
}

test('a browser with its own QR reader (BarcodeDetector) scans with it', async ({ page, browser, consoleErrors }) => {
  const app = new AppPage(page);
  await app.open();
  const workshops = new WorkshopsPage(page);
  await workshops.open();
  const session = await workshops.create({ title: 'Eigen lezer', exercises: ['integrity'] });
  const { context, page: ph } = await phone(browser, consoleErrors);
  const p = new ParticipantPage(ph);
  await p.open(await session.link());
  await p.start('Nina');
  await p.fillAll(() => 'no');
  const link = await p.link();
  await context.close();
  // A camera that shows only noise, and a reader that sees the link in it:
  // what is added can only have come from the browser's reader.
  await page.addInitScript((code) => {
    window.BarcodeDetector = class {
      constructor({ formats }) { if (!formats.includes('qr_code')) throw new TypeError('format'); }
      async detect() { window.__detected = (window.__detected || 0) + 1; return [{ rawValue: code }]; }
    };
    navigator.mediaDevices.getUserMedia = async () => {
      const canvas = Object.assign(document.createElement('canvas'), { width: 64, height: 48 });
      const ctx = canvas.getContext('2d');
      setInterval(() => { ctx.fillStyle = `hsl(${Math.random() * 360} 50% 50%)`; ctx.fillRect(0, 0, 64, 48); }, 50);
      return canvas.captureStream(20);
    };
  }, link);
  await page.reload();
  await page.getByTestId('scan-toggle').click();
  await expect(page.getByTestId('scan-last')).toHaveText('Toegevoegd: Nina.');
  await expect(page.getByTestId('answered-count')).toHaveText('1 beantwoord');
  expect(await page.evaluate(() => window.__detected)).toBeGreaterThan(0);
});

// A benchmark (its figure is read, not checked): scripts/bench runs it
// (KBR_BENCH=1); the test command leaves it out, as it takes a minute and a
// half of the room's worker.
test('measure: from a code in the camera\'s view to its confirmation, over 20 scans', async ({ page, browser, consoleErrors }) => {
  test.skip(!process.env.KBR_BENCH, 'a benchmark: scripts/bench runs it');
  test.setTimeout(240_000);
  const app = new AppPage(page);
  await app.open();
  const workshops = new WorkshopsPage(page);
  await workshops.open();
  await workshops.create({ title: 'Meting', exercises: ['integrity'] });
  const invite = await page.getByTestId('invite-link').inputValue();
  // Twenty codes, each 0.4 s in view after 0.3 s of an empty room.
  const frames = new Array(20);
  const participant = async (i) => {
    const { context, page: ph } = await phone(browser, consoleErrors);
    const p = new ParticipantPage(ph);
    await p.open(invite);
    await p.start(`M${i + 1}`);
    await p.fillAll(() => 'yes');
    frames[i] = await qrFrame(ph);
    await context.close();
  };
  for (let i = 0; i < 20; i += 5) await Promise.all([0, 1, 2, 3, 4].map((k) => participant(i + k)));
  const segments = frames.flatMap((frame) => [{ frame: blankFrame(), count: 3 }, { frame, count: 4 }]);
  const camera = await cameraBrowser(writeY4m(segments, 10));
  try {
    const laptop = await camera.newContext({ storageState: await page.context().storageState(), locale: 'nl-NL' });
    const trainer = await laptop.newPage();
    await trainer.goto(page.url());
    await trainer.getByTestId('scan-toggle').click();
    await expect(trainer.getByTestId('answered-count')).toHaveText('20 beantwoord', { timeout: 120_000 });
    const times = await trainer.evaluate(() => performance.getEntriesByName('kbr-scan').map((m) => m.duration));
    expect(times.length).toBeGreaterThanOrEqual(20);
    const first = times.slice(0, 20).sort((a, b) => a - b);
    const median = (first[9] + first[10]) / 2;
    console.log(`MEASURE scan: a return code from the camera's frame to its painted confirmation, 20 scans (fake camera, 400x300 at 10 fps): min ${first[0].toFixed(0)} ms, median ${median.toFixed(0)} ms, max ${first[19].toFixed(0)} ms`);
    await laptop.close();
  } finally {
    await camera.close();
  }
});

import { expect, type Hearth, perProject, test, USERS } from './support';
import type { Page, Request } from '@playwright/test';

/** Opens a family's page from /families, as the signed-in practitioner. */
async function openFamily(hearth: Hearth, family: string): Promise<void> {
  await hearth.open('/families', 200);
  await hearth.page.getByRole('link', { name: family, exact: true }).click();
  await expect(hearth.h1(family)).toBeVisible();
  await hearth.checkA11y();
}

function isoDate(daysAhead: number): string {
  const date = new Date(Date.now() + daysAhead * 86_400_000);
  return date.toISOString().slice(0, 10);
}

/** Picks a number on a 0–10 scale (a fieldset of radios named by its legend). */
async function pickScore(page: Page, legend: string, score: number): Promise<void> {
  await page.getByRole('group', { name: legend }).getByLabel(String(score), { exact: true }).check();
}

test.describe('plans, goals and progress', () => {
  test('a practitioner adds and rates a goal; the parent sees it, rates it and writes; the practitioner sees both', async (
    { hearth, page },
    testInfo,
  ) => {
    const who = perProject(testInfo, {
      hydrated: { worker: USERS.sam, family: 'The Ashworth family', parent: USERS.kelly, name: 'Kelly Ashworth' },
      'no-js': { worker: USERS.sam, family: 'The Baptiste family', parent: USERS.marcus, name: 'Marcus Baptiste' },
      phone: { worker: USERS.priya, family: 'The Evans family', parent: 'sophie.evans', name: 'Sophie Evans' },
    });
    const words = `Take the children to the library on Saturdays (${testInfo.project.name} ${Date.now().toString(36)})`;
    const comment = `The library card came through (${testInfo.project.name})`;

    await hearth.login(who.worker);
    await openFamily(hearth, who.family);
    await page.getByRole('link', { name: 'Add a goal', exact: true }).click();
    await expect(hearth.h1('Add a goal')).toBeVisible();
    await hearth.checkA11y();

    // Sent empty first: every problem is named, next to its field and in the summary. With
    // JavaScript the browser's own check finds them and nothing is sent.
    const posts: string[] = [];
    const onRequest = (r: Request) => {
      if (r.method() === 'POST') posts.push(r.url());
    };
    page.on('request', onRequest);
    await page.getByRole('button', { name: 'Add goal', exact: true }).click();
    const summary = page.locator('.error-summary');
    await expect(summary).toBeVisible();
    await expect(summary.getByRole('link', { name: 'Enter the goal in the family\'s words' })).toBeVisible();
    await expect(page.locator('#family_words-error')).toContainText("Enter the goal in the family's words");
    await expect(page.getByLabel("The goal in the family's own words", { exact: true })).toHaveAttribute('aria-invalid', 'true');
    page.off('request', onRequest);
    if (hearth.js) {
      expect(posts, 'the browser checks the form before sending it').toEqual([]);
      await expect(summary).toBeFocused();
    }
    await hearth.checkA11y();

    await page.getByLabel('Whose goal is it?', { exact: true }).selectOption({ label: who.name });
    await page.getByLabel('Area of family life', { exact: true }).selectOption({ label: 'Parenting' });
    const familyWords = page.getByLabel("The goal in the family's own words", { exact: true });
    await familyWords.fill('Go to every core group meeting');
    if (hearth.js) {
      // The plain-words check runs in the browser as the practitioner types.
      await expect(page.locator('#family_words-advice')).toContainText('core group');
    }
    await familyWords.fill(words);
    await page.getByLabel('Professional wording', { exact: true }).fill('Shared reading at least once a week');
    await page.getByLabel('Target date', { exact: true }).fill(isoDate(60));
    await page.getByRole('group', { name: 'Who in the family can see this goal?' }).getByLabel(who.name).check();
    await page.getByRole('button', { name: 'Add goal', exact: true }).click();

    await expect(hearth.h1(words)).toBeVisible();
    await hearth.checkA11y();
    await pickScore(page, 'Rating from 0 to 10', 4);
    await page.getByLabel('Comment (optional)', { exact: true }).fill('Reading once so far');
    await page.getByRole('button', { name: 'Save rating', exact: true }).click();
    await expect(page.locator('.chart__summary')).toContainText("Practitioner's ratings: one rating, 4 on");
    await hearth.checkA11y();
    await hearth.signOut();

    await hearth.login(who.parent);
    await expect(page).toHaveURL(/\/me$/);
    const goal = page.locator('li.own-goal').filter({ has: page.getByRole('heading', { name: words, exact: true }) });
    await expect(goal).toBeVisible();
    await expect(goal).toContainText('Not started yet');
    await goal.getByText('Give your own rating', { exact: true }).click();
    await pickScore(page, 'Where are things now, from 0 to 10?', 7);
    await goal.getByLabel('Anything you want to say about it? (you can leave this empty)').fill('We went twice');
    await goal.getByRole('button', { name: 'Save my rating', exact: true }).click();
    const mine = page.locator('li.own-goal').filter({ has: page.getByRole('heading', { name: words, exact: true }) });
    await expect(mine.locator('.chart__summary')).toContainText('Your ratings: one rating, 7 on');
    await expect(mine.locator('.chart__summary')).toContainText("Your worker's ratings: one rating, 4 on");

    await mine.getByText('Tell your worker something about this goal', { exact: true }).click();
    await mine.getByLabel('What do you want your worker to know about this goal?').fill(comment);
    await mine.getByRole('button', { name: 'Send to my worker', exact: true }).click();
    await expect(page.locator('.words__body').filter({ hasText: comment })).toBeVisible();
    await hearth.checkA11y();
    await hearth.signOut();

    await hearth.login(who.worker);
    await openFamily(hearth, who.family);
    await page.getByRole('link', { name: words, exact: true }).click();
    await expect(hearth.h1(words)).toBeVisible();
    await expect(page.locator('.words__body').filter({ hasText: comment })).toBeVisible();
    await expect(page.locator('.chart__summary')).toContainText("Family's ratings: one rating, 7 on");
    await expect(page.locator('.chart__summary')).toContainText("Practitioner's ratings: one rating, 4 on");
    await expect(page.getByText('The family rates this 3 higher than the practitioner.')).toBeVisible();
    await hearth.checkA11y();
  });

  test('a parent never sees a goal or safety plan shared only with the other parent', async ({ hearth, page }) => {
    await hearth.login('callum.price');
    await expect(hearth.h1('Hello, Callum')).toBeVisible();
    // His own goal and the child's, shared with both parents.
    await expect(page.getByRole('heading', { name: 'Have people I can ring when I need help', exact: true })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Get to school on time every day', exact: true })).toBeVisible();
    // Sophie's goals and her safety plan are hers alone.
    await expect(page.getByText('Feel safe at home and know what to do if things kick off')).toHaveCount(0);
    await expect(page.getByText('Stop drinking in the day so I can be there for the school run')).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Keeping everyone safe' })).toHaveCount(0);
    await hearth.checkA11y();
    await hearth.signOut();

    await hearth.login('sophie.evans');
    await expect(page.getByRole('heading', { name: 'Feel safe at home and know what to do if things kick off', exact: true })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Keeping everyone safe' })).toBeVisible();
    await expect(page.getByText('Have people I can ring when I need help')).toHaveCount(0);
    await hearth.checkA11y();
  });

  test('two people editing the same goal: the second save is refused and shows what changed', async (
    { hearth, page },
    testInfo,
  ) => {
    const where = perProject(testInfo, {
      hydrated: { worker: USERS.sam, family: 'The Dunmore family' },
      'no-js': { worker: USERS.priya, family: 'The Clarke family' },
      phone: { worker: USERS.noor, family: 'The Greenhill family' },
    });
    await hearth.login(where.worker);
    await openFamily(hearth, where.family);
    const firstGoal = page.locator('.goal-list .card__title a').first();
    const title = (await firstGoal.textContent())?.trim() ?? '';
    await firstGoal.click();
    await expect(hearth.h1(title)).toBeVisible();
    await page.getByRole('link', { name: 'Change this goal', exact: true }).click();
    await expect(hearth.h1('Change a goal')).toBeVisible();
    const editUrl = page.url();

    // A colleague (the same account in another tab will do) saves first.
    const other = await page.context().newPage();
    await other.goto(editUrl);
    const newTarget = isoDate(100 + Math.floor(Math.random() * 200));
    await other.getByLabel('Target date', { exact: true }).fill(newTarget);
    await other.getByRole('button', { name: 'Save changes', exact: true }).click();
    await expect(other.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await other.close();

    const typed = `${title} (edited)`;
    await page.getByLabel("The goal in the family's own words", { exact: true }).fill(typed);
    await page.getByRole('button', { name: 'Save changes', exact: true }).click();
    const summary = page.locator('.error-summary');
    await expect(summary).toContainText('Someone else saved this while you were editing');
    await expect(summary).toContainText('Target date');
    await expect(page.getByLabel("The goal in the family's own words", { exact: true })).toHaveValue(typed);
    await hearth.checkA11y();

    // Nothing was overwritten: the goal still has its words and the colleague's date.
    await page.goto(editUrl.replace(/\/edit$/, ''));
    await expect(hearth.h1(title)).toBeVisible();
  });
});

import { expect, type Hearth, perProject, test, USERS } from './support';

async function openFamily(hearth: Hearth, family: string): Promise<void> {
  await hearth.open('/families', 200);
  await hearth.page.getByRole('link', { name: family, exact: true }).click();
  await expect(hearth.h1(family)).toBeVisible();
}

test.describe('Motivational Interviewing', () => {
  test('a visit about a goal is recorded with prompts for its area and stage', async ({ hearth, page }, testInfo) => {
    const who = perProject(testInfo, {
      hydrated: { worker: USERS.sam, family: 'The Ashworth family' },
      'no-js': { worker: USERS.priya, family: 'The Dunmore family' },
      phone: { worker: USERS.noor, family: 'The Greenhill family' },
    });
    const note = `Talked about what a calmer morning would look like (${testInfo.project.name} ${Date.now().toString(36)})`;
    await hearth.login(who.worker);
    await openFamily(hearth, who.family);
    await page.getByRole('navigation', { name: 'This family' }).getByRole('link', { name: 'Workbook', exact: true }).click();
    await hearth.settle();
    await page.getByRole('link', { name: 'Record a visit', exact: true }).click();
    await expect(hearth.h1('Record a visit')).toBeVisible();
    // Choosing a goal sends the chooser by itself once its island is awake.
    await hearth.settle();

    const chooser = page.getByLabel('Which goal was this about?', { exact: true });
    const goal = await chooser.locator('option').nth(1).textContent();
    await chooser.selectOption({ index: 1 });
    if (testInfo.project.name === 'no-js') {
      await page.getByRole('button', { name: 'Show prompts', exact: true }).click();
    }
    await expect(page).toHaveURL(/\?goal=/);
    const panel = page.getByRole('complementary', { name: 'Prompts for this conversation' });
    await expect(panel).toBeVisible();
    await expect(panel.locator('.prompt')).toHaveCount(5);
    // Chosen for the goal's area and the stage recorded for it.
    await expect(panel).toContainText('Chosen for:');
    await expect(panel).toContainText(/Precontemplation|Contemplation|Preparation|Action|Maintenance|Relapse/);
    await expect(chooser).toHaveValue(/[0-9a-f-]{36}/);
    expect(goal).toBeTruthy();
    await hearth.checkA11y();

    await page.getByLabel('What happened', { exact: true }).fill(note);
    await page.getByRole('group', { name: 'Who was seen' }).getByRole('checkbox').first().check();
    await page.getByRole('group', { name: 'Were the children seen on their own?' }).getByLabel('No', { exact: true }).check();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(hearth.h1('Workbook')).toBeVisible();
    await expect(page.locator('.entry__summary').filter({ hasText: note })).toBeVisible();
  });

  test('a parent writes their change plan on a phone and the worker sees it beside their notes', async ({ hearth, page }, testInfo) => {
    const who = perProject(testInfo, {
      hydrated: { worker: USERS.sam, family: 'The Ashworth family', parent: USERS.kelly },
      'no-js': { worker: USERS.sam, family: 'The Baptiste family', parent: USERS.marcus },
      phone: { worker: USERS.priya, family: 'The Evans family', parent: 'sophie.evans' },
    });
    const steps = `Walk to school together every morning (${testInfo.project.name} ${Date.now().toString(36)})`;
    await hearth.login(who.parent);
    await hearth.open('/me', 200);
    await page.getByRole('link', { name: 'Make your own plan for this goal' }).first().click();
    await expect(hearth.h1('Your plan for this goal')).toBeVisible();
    const goalWords = (await page.locator('.lead').textContent())?.trim() ?? '';
    await hearth.checkA11y();

    // A ruler with its follow-ups, in their own words.
    const confidence = page.getByRole('group', { name: 'From 0 (not at all sure) to 10 (completely sure)' });
    await confidence.getByLabel('6', { exact: true }).check();
    if (testInfo.project.name !== 'no-js') {
      await expect(page.getByLabel('Why 6 and not a lower number?', { exact: true })).toBeVisible();
    }

    await page.getByLabel('My steps', { exact: true }).fill(steps);
    // The form posts as a plain form in every project: the answer sends the browser back.
    const saving = page.waitForResponse(
      (r) => r.url().endsWith('/api/save_change_plan') && r.request().method() === 'POST',
    );
    // The page the answer sends the browser back to: opening it again before it has loaded
    // would be interrupted by that navigation. Its response arriving is not enough (the old
    // page still counts as loaded until the new one commits): wait for the new page's load.
    const back = page.waitForEvent('load');
    await page.getByRole('button', { name: 'Save my plan', exact: true }).click();
    expect((await saving).status()).toBe(302);
    await back;
    await hearth.open(new URL(page.url()).pathname, 200);
    await expect(page.getByLabel('My steps', { exact: true })).toHaveValue(steps);
    await expect(page.locator('#plan-saved')).toContainText('You last saved your plan on');

    await hearth.login(who.worker);
    await openFamily(hearth, who.family);
    await page.getByRole('link', { name: goalWords, exact: true }).first().click();
    await page.getByRole('link', { name: 'Working on change', exact: true }).click();
    await expect(hearth.h1('Working on change')).toBeVisible();
    await expect(page.getByText(steps)).toBeVisible();
    await expect(page.getByRole('complementary', { name: 'Prompts for this conversation' })).toBeVisible();
    await hearth.checkA11y();
  });

  test("a worker notes the stage and change talk, and a note beside the parent's plan reaches them", async ({ hearth, page }, testInfo) => {
    const who = perProject(testInfo, {
      hydrated: { worker: USERS.sam, family: 'The Ashworth family', parent: USERS.kelly },
      'no-js': { worker: USERS.sam, family: 'The Baptiste family', parent: USERS.marcus },
      phone: { worker: USERS.priya, family: 'The Evans family', parent: 'sophie.evans' },
    });
    const note = `Your neighbour offered lifts on Fridays too (${testInfo.project.name} ${Date.now().toString(36)})`;
    await hearth.login(who.parent);
    await hearth.open('/me', 200);
    await page.getByRole('link', { name: 'Make your own plan for this goal' }).first().click();
    await expect(hearth.h1('Your plan for this goal')).toBeVisible();
    const ownPlan = page.url();
    const goalWords = (await page.locator('.lead').textContent())?.trim() ?? '';

    await hearth.login(who.worker);
    await openFamily(hearth, who.family);
    await page.getByRole('link', { name: goalWords, exact: true }).first().click();
    await page.getByRole('link', { name: 'Working on change', exact: true }).click();
    await expect(hearth.h1('Working on change')).toBeVisible();
    await expect(page).toHaveTitle(/^Working on change: .+ – Hearth$/);
    await hearth.settle();

    // The stage of change, opened from the keyboard.
    await page.getByText('Record the stage of change', { exact: true }).focus();
    await page.keyboard.press('Enter');
    const stages = page.getByRole('group', { name: 'Where are they with this change now?' });
    await expect(stages).toBeVisible();
    await stages.getByLabel(/^Preparation:/).check();
    await page.getByLabel('What this is based on (optional)', { exact: true }).fill('Has chosen a day to start.');
    await page.getByRole('button', { name: 'Save stage', exact: true }).click();
    await hearth.settle();
    const stageSection = page.locator('section[aria-labelledby=stage]');
    await expect(stageSection.locator('.tag')).toHaveText('Preparation');
    await expect(stageSection).toContainText('Has chosen a day to start.');

    // Change talk: nothing entered is refused next to the field; then a few numbers.
    await page.getByText('Note the change talk from a session', { exact: true }).click();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await hearth.settle();
    await expect(
      page.locator('.error-summary').filter({ hasText: 'Enter how many times you heard at least one kind of talk' }),
    ).toBeVisible();
    await page.getByLabel(/^Desire/).fill('3');
    await page.getByLabel(/^Taking steps/).fill('2');
    await page.getByLabel(/^Sustain talk/).fill('1');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await hearth.settle();
    await expect(page.locator('section[aria-labelledby=talk] .chart__summary')).toContainText(/^9 sessions from/);

    // A note beside the parent's words.
    await page.getByText('Add a note beside their plan', { exact: true }).first().click();
    await page.getByLabel('Beside which part', { exact: true }).first().selectOption({ label: 'Who can help' });
    await page.getByLabel('Your note', { exact: true }).first().fill(note);
    await page.getByRole('button', { name: 'Add note', exact: true }).first().click();
    await hearth.settle();
    await expect(page.getByText(note)).toBeVisible();
    await hearth.checkA11y();

    // Group supervision sees where the goal stands.
    const changePath = new URL(page.url()).pathname;
    await hearth.open(changePath.split('/goals/')[0] + '/supervision', 200);
    const onGoal = page
      .locator('section[aria-labelledby=goal-change] .summary-list__row')
      .filter({ has: page.locator(`a[href="${changePath}"]`) });
    await expect(onGoal).toContainText('Preparation');
    await expect(onGoal).toContainText(/9 sessions from .* sustain talk \w+ (from \d+ )?to 1\./);
    await hearth.checkA11y();

    await hearth.login(who.parent);
    await hearth.open(new URL(ownPlan).pathname, 200);
    await expect(page.getByText(note)).toBeVisible();
  });

  test('the prompt library is searchable on a phone', async ({ hearth, page }) => {
    await hearth.login(USERS.rhys);
    await hearth.open('/prompts', 200);
    await expect(hearth.h1('Motivational Interviewing prompts')).toBeVisible();
    await page.getByLabel('Area', { exact: true }).selectOption({ label: 'Drugs or alcohol' });
    await page.getByLabel('Stage of change', { exact: true }).selectOption({ label: 'Relapse' });
    await page.getByRole('button', { name: 'Find prompts', exact: true }).click();
    await expect(page).toHaveURL(/area=drugs_alcohol/);
    await expect(page.getByRole('heading', { level: 2, name: /prompts match/ })).toBeVisible();
    expect(await page.locator('.prompt').count()).toBeGreaterThan(0);
    await hearth.checkA11y();
  });
});

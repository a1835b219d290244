import { addPerson, expect, isoDay, perProject, recordFinding, test, USERS } from './support';

test.describe('a family in Hearth from referral to closure', () => {
  test('a social worker opens a family, records its household, a protection plan and the trio, and closes the case', async (
    { hearth, page },
    testInfo,
  ) => {
    test.slow(); // a dozen pages, each checked for accessibility
    const name = `Wren-${perProject(testInfo, { hydrated: 'hyd', 'no-js': 'nojs', phone: 'phone' })}-${Date.now().toString(36)}`;
    const title = `The ${name} family`;

    await hearth.login(USERS.sam);
    await hearth.open('/families', 200);
    await page.getByRole('link', { name: 'Open a family', exact: true }).click();
    await expect(hearth.h1('Open a family')).toBeVisible();
    await hearth.checkA11y();
    await expect(page.getByLabel('Social worker holding the case', { exact: true })).toHaveValue(/[0-9a-f-]{36}/);
    await page.getByLabel('Family name', { exact: true }).fill(name);
    await page.getByRole('button', { name: 'Open the family', exact: true }).click();
    await expect(hearth.h1('Add someone to the household')).toBeVisible();
    await expect(page.getByLabel('Last name', { exact: true }), 'the family name is offered').toHaveValue(name);
    await hearth.checkA11y();

    // A child with no date of birth is refused beside the field; nothing typed is lost.
    await page.getByLabel('A child', { exact: true }).check();
    await page.getByLabel('First name', { exact: true }).fill('Poppy');
    await page.getByLabel('How they stand in the household', { exact: true }).fill('Daughter');
    await page.getByRole('button', { name: 'Add to the household', exact: true }).click();
    await expect(page.locator('p.error-message', { hasText: 'Enter the date of birth' })).toBeVisible();
    await expect(page.getByLabel('First name', { exact: true })).toHaveValue('Poppy');
    await page.getByLabel('Date of birth', { exact: true }).fill(isoDay(-200));
    await page.getByRole('button', { name: 'Add to the household', exact: true }).click();
    await expect(hearth.h1(title)).toBeVisible();

    await addPerson(hearth, { kind: 'An adult', first: 'Grace', relationship: 'Mother', born: '1994-03-12' });
    await addPerson(hearth, { kind: 'An adult', first: 'Tobi', relationship: 'Father', born: '1991-07-02' });
    await addPerson(hearth, { kind: 'A baby not yet born', first: 'Baby', relationship: 'Unborn sibling', due: isoDay(90) });
    await expect(page.getByRole('cell', { name: /^Due / })).toBeVisible();

    // A child protection plan for Poppy, under emotional abuse.
    await page.getByRole('link', { name: `Poppy ${name}`, exact: true }).click();
    await expect(hearth.h1(`Poppy ${name}`)).toBeVisible();
    await expect(page.getByText('No legal status recorded yet.')).toBeVisible();
    await hearth.checkA11y();
    const newStatus = () => page.locator('form').filter({ has: page.getByRole('button', { name: 'Record it', exact: true }) });
    await newStatus().getByLabel('Child protection plan', { exact: true }).check();
    await newStatus().getByLabel('Category of the plan', { exact: true }).selectOption({ label: 'Emotional abuse' });
    await newStatus().getByLabel('Started on', { exact: true }).fill(isoDay(-14));
    await newStatus().getByRole('button', { name: 'Record it', exact: true }).click();
    await expect(page.getByRole('heading', { level: 3, name: 'Child protection plan (emotional abuse)' })).toBeVisible();

    // A second open plan is refused by the census rules, beside the start date.
    await newStatus().getByLabel('Child protection plan', { exact: true }).check();
    await newStatus().getByLabel('Category of the plan', { exact: true }).selectOption({ label: 'Neglect' });
    await newStatus().getByLabel('Started on', { exact: true }).fill(isoDay(-2));
    await newStatus().getByRole('button', { name: 'Record it', exact: true }).click();
    await expect(page.locator('p.error-message', { hasText: 'already has an open child protection plan' })).toBeVisible();
    await hearth.checkA11y();

    // The trio, found by the assessment.
    await page.getByRole('link', { name: `Back to ${title}` }).click();
    await page.getByRole('link', { name: 'Record, end or correct a finding', exact: true }).click();
    await expect(hearth.h1('The trio')).toBeVisible();
    await hearth.checkA11y();
    await recordFinding(hearth, 'Domestic abuse (3B)', `Grace ${name}`);
    await recordFinding(hearth, 'Drug misuse (2B)', `Tobi ${name}`);
    await recordFinding(hearth, 'Parental mental ill-health (4B)', `Grace ${name}`);
    await hearth.checkA11y();

    await page.getByRole('link', { name: `Back to ${title}` }).click();
    await expect(page.getByText('Meets the cohort criteria')).toBeVisible();

    // After domestic abuse the team keeps the parents apart.
    await expect(page.getByText('No one in this family is kept apart.')).toBeVisible();
    await page.getByLabel('Keep apart', { exact: true }).selectOption({ label: `Grace ${name}` });
    await page.getByLabel('From', { exact: true }).selectOption({ label: `Grace ${name}` });
    await page.getByRole('button', { name: 'Keep them apart', exact: true }).click();
    await expect(page.locator('p.error-message', { hasText: 'Choose two different people' })).toBeVisible();
    await page.getByLabel('From', { exact: true }).selectOption({ label: `Tobi ${name}` });
    await page.getByRole('button', { name: 'Keep them apart', exact: true }).click();
    await expect(page.getByRole('button', { name: /^Stop keeping .* apart$/ })).toBeVisible();
    await hearth.checkA11y();

    // Closing: read-only, off the caseload, listed as closed.
    await page.getByRole('link', { name: 'Close the case', exact: true }).click();
    await expect(hearth.h1("The family's case")).toBeVisible();
    await hearth.checkA11y();
    await page.getByLabel('Reason for closure', { exact: true }).selectOption({ value: 'RC7' });
    await page.getByRole('button', { name: 'Close the case', exact: true }).click();
    await expect(page.getByText(/^Closed on .*Services ceased/).first()).toBeVisible();
    await page.getByRole('link', { name: `Back to ${title}` }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Case closed' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Add someone to the household' })).toHaveCount(0);
    await hearth.checkA11y();
    await hearth.open('/families', 200);
    await expect(page.locator('ul.card-list').getByText(title)).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 2, name: 'Closed cases' })).toBeVisible();
    await page.getByRole('link', { name: /^\d+ closed cases?$/ }).click();
    await expect(hearth.h1('Closed cases')).toBeVisible();
    await expect(page.getByRole('link', { name: title, exact: true })).toBeVisible();
    await hearth.checkA11y();
  });
});

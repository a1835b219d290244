// Two journeys that begin with an empty database and no demo data, each on a
// Hearth of its own (fresh-council.ts): a council's first family from referral
// to closure, and the case system's extract imported, imported again (nothing
// changes) and followed by a later extract.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FreshCouncil } from './fresh-council';
import { addPerson, expect, type Hearth, isoDay, recordFinding, test } from './support';

const PASSPHRASE = 'green kettle by the river';

async function openFamily(hearth: Hearth, council: FreshCouncil, title: string) {
  await hearth.open(council.url('/families'), 200);
  await hearth.page.getByRole('link', { name: title, exact: true }).click();
  await expect(hearth.h1(title)).toBeVisible();
  await hearth.checkA11y();
}

test.describe('from an empty database', () => {
  let council: FreshCouncil | undefined;
  test.afterEach(() => council?.stop());

  test("a council's first family, from set-up to a closed case the mother is told of", async ({ hearth, page }) => {
    test.slow(); // a council's whole first day: some thirty pages, each checked for accessibility
    council = await FreshCouncil.start('Harwick Council', { name: 'Jo Banerjee', email: 'jo.banerjee@harwick.example' });
    const c = council;
    const team = 'Family Safeguarding East';
    const title = 'The Harper family';

    // The administrator chooses a password with the code `hearth setup` printed, and a second factor.
    await c.setUp(hearth, c.adminEmail, c.adminCode);
    await expect(hearth.h1('Accounts')).toBeVisible();
    await c.addTeam(hearth, team);
    const managerCode = await c.addStaff(hearth, { name: 'Morgan Hale', email: 'morgan.hale@harwick.example', role: 'Team manager', team });
    const workerCode = await c.addStaff(hearth, { name: 'Ruth Adeyemi', email: 'ruth.adeyemi@harwick.example', role: 'Social worker', team });
    const daCode = await c.addStaff(hearth, { name: 'Dee Rowe', email: 'dee.rowe@harwick.example', role: 'Domestic abuse practitioner', team });
    await hearth.checkA11y();
    await hearth.signOut();

    // The social worker sets up and opens a family for a referral: mother, father, baby.
    await c.setUp(hearth, 'ruth.adeyemi@harwick.example', workerCode);
    await expect(hearth.h1('My families')).toBeVisible();
    await expect(page.getByText('No families are allocated to you yet.')).toBeVisible();
    await hearth.checkA11y();
    await page.getByRole('link', { name: 'Open a family', exact: true }).click();
    await page.getByLabel('Family name', { exact: true }).fill('Harper');
    await page.getByRole('button', { name: 'Open the family', exact: true }).click();
    await expect(hearth.h1('Add someone to the household')).toBeVisible();
    await addPerson(hearth, { kind: 'An adult', first: 'Hannah', relationship: 'Mother', born: '1995-02-11' });
    await addPerson(hearth, { kind: 'An adult', first: 'Liam', relationship: 'Father', born: '1993-08-30' });
    await addPerson(hearth, { kind: 'A child', first: 'Ivy', relationship: 'Daughter', born: isoDay(-60) });
    await expect(hearth.h1(title)).toBeVisible();
    await hearth.checkA11y();

    // A child protection plan for the baby under emotional abuse, and the trio.
    await page.getByRole('link', { name: 'Ivy Harper', exact: true }).click();
    const newStatus = page.locator('form').filter({ has: page.getByRole('button', { name: 'Record it', exact: true }) });
    await newStatus.getByLabel('Child protection plan', { exact: true }).check();
    await newStatus.getByLabel('Category of the plan', { exact: true }).selectOption({ label: 'Emotional abuse' });
    await newStatus.getByLabel('Started on', { exact: true }).fill(isoDay(-5));
    await newStatus.getByRole('button', { name: 'Record it', exact: true }).click();
    await expect(page.getByRole('heading', { level: 3, name: 'Child protection plan (emotional abuse)' })).toBeVisible();
    await hearth.checkA11y();
    await page.getByRole('link', { name: `Back to ${title}` }).click();
    await page.getByRole('link', { name: 'Record, end or correct a finding', exact: true }).click();
    await recordFinding(hearth, 'Domestic abuse (3B)', 'Hannah Harper');
    await recordFinding(hearth, 'Alcohol misuse (1B)', 'Liam Harper');
    await recordFinding(hearth, 'Parental mental ill-health (4B)', 'Hannah Harper');
    await page.getByRole('link', { name: `Back to ${title}` }).click();
    await expect(page.getByText('Meets the cohort criteria')).toBeVisible();
    await hearth.checkA11y();
    await hearth.signOut();

    // The manager sets up (with a second factor) and allocates the domestic abuse practitioner.
    await c.setUp(hearth, 'morgan.hale@harwick.example', managerCode);
    await openFamily(hearth, c, title);
    await page.getByRole('link', { name: 'Change who works with the family', exact: true }).click();
    const daForm = page.locator('form').filter({ has: page.getByLabel('Domestic abuse practitioner', { exact: true }) });
    await daForm.getByLabel('Domestic abuse practitioner', { exact: true }).selectOption({ label: 'Dee Rowe' });
    await daForm.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByRole('cell', { name: 'Dee Rowe', exact: true }).first()).toBeVisible();
    await hearth.checkA11y();
    await hearth.signOut();

    // The practitioner sets up and records a visit.
    await c.setUp(hearth, 'dee.rowe@harwick.example', daCode);
    await openFamily(hearth, c, title);
    await page.getByRole('navigation', { name: 'This family' }).getByRole('link', { name: 'Workbook', exact: true }).click();
    await expect(hearth.h1('Workbook')).toBeVisible();
    await page.getByRole('link', { name: 'Record a visit', exact: true }).click();
    await expect(hearth.h1('Record a visit')).toBeVisible();
    const note = 'Met Hannah at home; safety plan talked through';
    await page.getByLabel('What happened', { exact: true }).fill(note);
    await page.getByRole('group', { name: 'Who was seen' }).getByRole('checkbox').first().check();
    await page.getByRole('group', { name: 'Were the children seen on their own?' }).getByLabel('No', { exact: true }).check();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(hearth.h1('Workbook')).toBeVisible();
    await expect(page.locator('.entry__summary').filter({ hasText: note })).toBeVisible();
    await hearth.checkA11y();
    await hearth.signOut();

    // The social worker invites the mother, who sets up her account and sees her page.
    await c.login(hearth, 'ruth.adeyemi@harwick.example');
    await openFamily(hearth, c, title);
    await page.getByRole('button', { name: 'Create an invitation code for Hannah Harper', exact: true }).click();
    await expect(hearth.h1('Invitation code for Hannah Harper')).toBeVisible();
    const invitation = ((await page.getByTestId('invitation-code').textContent()) ?? '').trim();
    await hearth.signOut();
    await hearth.open(c.url('/join'), 200);
    await page.getByLabel('Invitation code', { exact: true }).fill(invitation);
    await page.getByLabel('Choose a username', { exact: true }).fill('hannah.harper');
    await page.getByLabel('Choose a passphrase', { exact: true }).fill(PASSPHRASE);
    await page.getByLabel('Type the passphrase again', { exact: true }).fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Create my account', exact: true }).click();
    await expect(hearth.h1('Hello, Hannah')).toBeVisible();
    await hearth.checkA11y();
    await hearth.signOut();

    // The case is closed; the mother's next visit tells her so.
    await c.login(hearth, 'ruth.adeyemi@harwick.example');
    await openFamily(hearth, c, title);
    await page.getByRole('link', { name: 'Close the case', exact: true }).click();
    await page.getByLabel('Reason for closure', { exact: true }).selectOption({ value: 'RC7' });
    await page.getByRole('button', { name: 'Close the case', exact: true }).click();
    await expect(page.getByText(/^Closed on .*Services ceased/).first()).toBeVisible();
    await hearth.signOut();
    await c.login(hearth, 'hannah.harper', PASSPHRASE);
    await expect(page.getByText(/Our work with your family finished on/)).toBeVisible();
    await hearth.checkA11y();
  });

  test("the case system's extract, imported twice and then changed", async ({ hearth, page }) => {
    test.slow();
    council = await FreshCouncil.start('Harwick Council', { name: 'Jo Banerjee', email: 'jo.banerjee@harwick.example' });
    const c = council;
    const team = 'Family Safeguarding North';
    const examples = join(__dirname, '..', '..', 'docs', 'examples');
    const files = (set: string) =>
      readdirSync(join(examples, set))
        .filter((name) => name.endsWith('.csv'))
        .map((name) => join(examples, set, name));

    await c.setUp(hearth, c.adminEmail, c.adminCode);
    await c.addTeam(hearth, team);
    const workerCode = await c.addStaff(hearth, { name: 'Sam Carter', email: 'sam.carter@harwick.example', role: 'Social worker', team, workerRef: 'W1001' });
    await expect(page.getByText('W1001')).toBeVisible();
    await c.addStaff(hearth, { name: 'Pat Lowe', email: 'pat.lowe@harwick.example', role: 'Social worker', team, workerRef: 'W1002' });
    await c.addStaff(hearth, { name: 'Dee Rowe', email: 'dee.rowe@harwick.example', role: 'Domestic abuse practitioner', team, workerRef: 'W2001' });

    await page.getByRole('link', { name: 'Case system', exact: true }).click();
    await expect(hearth.h1("The case system's extract")).toBeVisible();
    await expect(page.getByText('No extract has been checked yet.')).toBeVisible();
    await hearth.checkA11y();

    // A file that is not the extract's is refused beside the field, and nothing is read.
    await page.getByLabel("Choose the extract's CSV files", { exact: true }).setInputFiles([join(examples, '..', 'case-system-extract.md')]);
    await page.getByRole('button', { name: 'Check the files', exact: true }).click();
    await expect(page.locator('p.error-message', { hasText: 'is not one of the extract' })).toBeVisible();
    await hearth.checkA11y();

    const counts = async (file: string) =>
      (await page.getByRole('row', { name: new RegExp(`^${file}`) }).getByRole('cell').allInnerTexts()).map(Number);
    // Added, Changed, Unchanged, Not for Hearth, Refused.
    const importTwice = async (set: string) => {
      await hearth.open(c.url('/imports'), 200);
      await page.getByLabel("Choose the extract's CSV files", { exact: true }).setInputFiles(files(set));
      await page.getByRole('button', { name: 'Check the files', exact: true }).click();
      await expect(hearth.h1("Check of the case system's extract")).toBeVisible();
      await hearth.checkA11y();
      const checked = await counts('ssd_person.csv');
      await page.getByLabel('Choose the same files again', { exact: true }).setInputFiles(files(set));
      await page.getByRole('button', { name: 'Import these files', exact: true }).click();
      await expect(hearth.h1("Import of the case system's extract")).toBeVisible();
      expect(await counts('ssd_person.csv'), 'the import is what was checked').toEqual(checked);
      await hearth.checkA11y();
      return checked;
    };
    expect(await importTwice('ssd')).toEqual([6, 0, 0, 4, 1]);
    // The same files again change nothing.
    expect(await importTwice('ssd')).toEqual([0, 0, 6, 4, 1]);
    expect(await counts('ssd_cp_plans.csv')).toEqual([0, 0, 2, 0, 1]);
    // A later extract: one plan ended, one new child.
    expect(await importTwice('ssd-changed')).toEqual([1, 0, 6, 4, 1]);
    expect(await counts('ssd_cp_plans.csv')).toEqual([0, 1, 1, 0, 1]);
    await hearth.signOut();

    // The social worker finds the family, with its new baby, on their caseload.
    await c.setUp(hearth, 'sam.carter@harwick.example', workerCode);
    await openFamily(hearth, c, 'The Marsh family');
    await expect(page.getByRole('link', { name: 'Rosie Marsh', exact: true })).toBeVisible();
  });
});

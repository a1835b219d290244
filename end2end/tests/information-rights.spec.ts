import { expect, isoDay, perProject, test, USERS } from './support';

const HANA = 'hana.ito@brookford.example'; // information governance officer

test.describe('information rights', () => {
  test('a request is logged for a parent, reviewed with a passage withheld, approved by a second person and disclosed', async ({ hearth, page }, testInfo) => {
    test.setTimeout(240_000);
    // Each project logs a request for a different parent, of families no other test changes
    // (a change between the review and the approval would rightly send it back for review).
    const who = perProject(testInfo, {
      hydrated: { search: 'chloe fair', name: 'Chloe Fairweather', approver: USERS.grace },
      'no-js': { search: 'Ben F', name: 'Ben Fairweather', approver: USERS.grace },
      phone: { search: 'Callum', name: 'Callum Price', approver: USERS.maya },
    });
    await hearth.login(HANA);
    await expect(page).toHaveURL(/\/information-requests$/);
    await expect(hearth.h1('Subject access requests')).toBeVisible();
    await expect(page.locator('nav.site-nav').getByRole('link', { name: 'My families' })).toHaveCount(0);

    await page.getByRole('link', { name: 'Log a request', exact: true }).click();
    await expect(hearth.h1('Whose data is the request for?')).toBeVisible();
    await hearth.checkA11y();
    // Nothing typed: the error is next to the field, with or without JavaScript.
    await page.getByRole('button', { name: 'Find them', exact: true }).click();
    await expect(page.locator('.error-summary')).toContainText('Enter a name');
    await page.getByLabel('Their name', { exact: true }).fill(who.search);
    await page.getByRole('button', { name: 'Find them', exact: true }).click();
    await expect(page.getByRole('heading', { level: 3, name: who.name, exact: true })).toBeVisible();
    // What was typed is given back in the field, never in the address.
    await expect(page.getByLabel('Their name', { exact: true })).toHaveValue(who.search);
    expect(page.url().toLowerCase()).not.toContain(who.search.split(' ')[0].toLowerCase());
    await hearth.checkA11y();

    await page.getByRole('link', { name: `Log a request for ${who.name}`, exact: true }).click();
    await expect(hearth.h1(`Log a request for ${who.name}'s data`)).toBeVisible();
    await hearth.checkA11y();
    const received = page.getByLabel('The day the request arrived', { exact: true });
    await received.fill(isoDay(3));
    await page.getByRole('button', { name: 'Log the request', exact: true }).click();
    await expect(page.locator('.error-summary')).toContainText('The day the request arrived must be between');
    await received.fill(isoDay(-5));
    await page.getByRole('button', { name: 'Log the request', exact: true }).click();
    await expect(hearth.h1(`Request for ${who.name}'s data`)).toBeVisible();
    await expect(page.locator('.summary-list')).toContainText('Identity confirmed on');
    await expect(page.locator('.summary-list')).toContainText('Not yet');
    await hearth.checkA11y();

    await page.getByLabel('The day their identity was confirmed', { exact: true }).fill(isoDay(-1));
    await page.getByRole('button', { name: 'Record it', exact: true }).click();
    await expect(hearth.h1(`Request for ${who.name}'s data`)).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Identity confirmed', exact: true })).toHaveCount(0);
    await expect(page.locator('.lead')).toContainText('Due on');

    const requestPage = new URL(page.url()).pathname;

    await page.getByRole('link', { name: 'Back to the requests', exact: true }).click();
    await expect(page.getByRole('heading', { level: 3, name: who.name, exact: true }).first()).toBeVisible();
    await hearth.checkA11y();

    // The review: every passage in full; one withheld whole, as naming someone else.
    await hearth.open(requestPage, 200);
    await page.getByRole('link', { name: 'Review the disclosure', exact: true }).click();
    await expect(hearth.h1(`Review the disclosure for ${who.name}`)).toBeVisible();
    await hearth.checkA11y();
    // A goal in their words that no other passage repeats (a change plan may quote it).
    const texts = (await page.locator('.passage-text').allTextContents()).map((t) => t.trim());
    const goals = page.locator('li.card').filter({ has: page.getByRole('heading', { level: 3, name: 'A goal, in your words', exact: true }) });
    let ownWords = goals.first();
    let withheld = '';
    for (const card of await goals.all()) {
      const text = ((await card.locator('.passage-text').textContent()) ?? '').trim();
      if (texts.filter((t) => t.includes(text)).length === 1) {
        ownWords = card;
        withheld = text;
        break;
      }
    }
    const teamWords = ((await page.locator('li.card').filter({ has: page.getByRole('heading', { level: 3, name: /^The same goal, as the team wrote it/ }) }).first().locator('.passage-text').textContent()) ?? '').trim();
    expect(withheld.length).toBeGreaterThan(0);
    await ownWords.locator('summary').click();
    await ownWords.getByLabel(/^Identifies someone else/).check();
    await ownWords.getByRole('button', { name: 'Withhold', exact: true }).click();
    await expect(hearth.h1(`Review the disclosure for ${who.name}`)).toBeVisible();
    await expect(page.locator('li.card').filter({ hasText: withheld }).first()).toContainText('Withheld: the whole passage');
    await page.getByRole('button', { name: 'Say it is ready for approval', exact: true }).click();
    await expect(page.getByText('Ready for approval: said by Hana Ito')).toBeVisible();
    await expect(page.getByText('You said it is ready: a second person must approve it.')).toBeVisible();
    await hearth.checkA11y();
    await hearth.signOut();

    // A second person approves, then opens the document.
    await hearth.login(who.approver);
    await hearth.open(`${requestPage}/review`, 200);
    await page.getByRole('button', { name: 'Approve the disclosure', exact: true }).click();
    await expect(page.getByText('Approved', { exact: true })).toBeVisible();
    await page.getByRole('link', { name: 'Open the disclosure', exact: true }).click();
    await expect(hearth.h1(`The information we hold about ${who.name}`)).toBeVisible();
    const documentText = (await page.locator('main').textContent()) ?? '';
    expect(documentText).toContain(teamWords);
    expect(documentText).toContain('[withheld: 1]');
    expect(documentText).not.toContain(withheld);
    await hearth.checkA11y();
  });

  test('a parent and a practitioner reach none of it', async ({ hearth }) => {
    await hearth.login(USERS.kelly);
    await hearth.open('/information-requests', 403);
    await expect(hearth.h1('You cannot see this page')).toBeVisible();
    await hearth.open('/information-requests/find', 403);
    await hearth.signOut();
    await hearth.login(USERS.sam);
    await hearth.open('/information-requests', 403);
    await expect(hearth.h1('You cannot see this page')).toBeVisible();
  });
});

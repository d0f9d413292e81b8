import { expect, test, type Page } from '@playwright/test';
import { BUILTIN_SCENARIOS } from '../src/engine/scenario/catalog';
import { LESSONS } from '../src/engine/scenario/lessons/index';

/**
 * Issue 10: every built-in scenario opens, and every lesson runs to its end in the browser, a
 * learner's way: each step's action by its button, each prediction answered, each request
 * sent, and every check seen turning green before moving on.
 */

const lessonPane = (page: Page) => page.getByRole('region', { name: 'Lesson', exact: true });
const check = (page: Page) => lessonPane(page).getByRole('status', { name: 'Step check' });

async function openScenario(page: Page, hash: string) {
  await page.goto(`/${hash}`);
  await expect(page.getByRole('region', { name: 'Cluster', exact: true }).locator('header output').first()).toContainText(/\d+ nodes?/, { timeout: 30_000 });
}

for (const lesson of LESSONS) {
  test(`lesson ${lesson.id}: every step's check turns green`, async ({ page }) => {
    test.setTimeout(120_000);
    await openScenario(page, `#scenario=${lesson.scenario}`);
    await expect(lessonPane(page).getByRole('heading', { name: lesson.title })).toBeVisible();
    for (const [i, step] of lesson.steps.entries()) {
      await expect(lessonPane(page).getByRole('heading', { name: `Step ${i + 1} of ${lesson.steps.length}: ${step.title}` })).toBeVisible();
      await expect(page).toHaveURL(new RegExp(`#scenario=${lesson.scenario}&step=${i + 1}$`));
      if (step.predict) {
        await lessonPane(page).getByRole('radio').first().check();
        await lessonPane(page).getByRole('button', { name: 'Check my answer' }).click();
        await expect(lessonPane(page).getByRole('status').filter({ hasText: /The engine sent the request and saw/ })).toBeVisible();
      }
      if (step.action) {
        await expect(check(page), `step ${i + 1} is not met before its action`).toContainText(/Not yet:/);
        await lessonPane(page).getByRole('button', { name: step.action.kind === 'apply' ? 'Apply this stage' : 'Run this command' }).click();
      }
      if (step.request) await lessonPane(page).getByRole('button', { name: 'Send and watch' }).click();
      await expect(check(page), `step ${i + 1}: ${step.title}`).toContainText(/Done:/, { timeout: 20_000 });
      await expect(lessonPane(page).getByRole('button', { name: `Step ${i + 1}: ${step.title} (done)` })).toBeVisible();
      if (i < lesson.steps.length - 1) await lessonPane(page).getByRole('button', { name: 'Next step' }).click();
    }
    await expect(lessonPane(page)).toContainText('Lesson complete.');
  });
}

for (const scenario of BUILTIN_SCENARIOS.filter((s) => s.group === 'starter')) {
  test(`starter ${scenario.id} opens from the Scenario menu`, async ({ page }) => {
    await openScenario(page, '');
    await page.getByRole('button', { name: 'Scenario', exact: true }).click();
    await page.getByRole('dialog', { name: 'Scenarios' }).getByRole('button', { name: new RegExp(`^${scenario.title}`) }).click();
    await expect(page.getByRole('banner')).toContainText(scenario.title);
    await expect(page.getByRole('region', { name: 'Manifests', exact: true }).locator('.apply-status')).not.toContainText(/error/i);
    await expect(page.locator('.workspace-notice--error')).toHaveCount(0);
  });
}

test('a lesson step is addressable: #scenario=<id>&step=<n> opens there with the earlier steps done', async ({ page }) => {
  const lesson = LESSONS.find((l) => l.id === 'seed-004-orchestrating-cloud')!;
  await openScenario(page, `#scenario=${lesson.scenario}&step=6`);
  await expect(lessonPane(page).getByRole('heading', { name: `Step 6 of ${lesson.steps.length}: ${lesson.steps[5]!.title}` })).toBeVisible();
  await expect(check(page)).toContainText(/Not yet:/);
  // Leaving keeps the cluster and clears the address.
  await lessonPane(page).getByRole('button', { name: 'Leave lesson' }).click();
  await expect(lessonPane(page)).toHaveCount(0);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('region', { name: 'Cluster', exact: true })).toContainText('secure-monolith');
});

test('presenter view: no editor, large type, PageDown and PageUp step the lesson', async ({ page }) => {
  await openScenario(page, '#scenario=seed-001-service-types');
  await page.getByRole('button', { name: 'Present', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Manifests', exact: true })).toBeHidden();
  await expect(page.locator('html')).toHaveAttribute('data-projector', /.*/);
  await page.locator('body').press('PageDown');
  await expect(lessonPane(page).getByRole('heading', { name: /^Step 2 of/ })).toBeVisible();
  await page.locator('body').press('PageUp');
  await expect(lessonPane(page).getByRole('heading', { name: /^Step 1 of/ })).toBeVisible();
  await expect(page).toHaveURL(/presenter=1/);
});

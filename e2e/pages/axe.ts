import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/**
 * Runs axe-core on the page (or inside `include`, e.g. an open dialog) and fails on serious or
 * critical violations, listing each rule with the first offending nodes so the failure says what
 * to fix. Other specs call this after reaching a view.
 */
export async function expectNoSeriousA11yViolations(
  page: Page,
  what: string,
  include?: string,
): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  if (include) builder = builder.include(include);
  const { violations } = await builder.analyze();
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n` +
        v.nodes
          .slice(0, 3)
          .map(
            (n) => `    ${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1).join(' ')}`,
          )
          .join('\n'),
    );
  expect(serious, `axe found serious or critical violations on ${what}`).toEqual([]);
}

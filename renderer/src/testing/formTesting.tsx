import { MantineProvider } from '@mantine/core';
import { Notifications, notifications } from '@mantine/notifications';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReactElement } from 'react';
import { expect } from 'vitest';
import type { RpcResult } from '../../../shared/result';
import { createClient } from '../api/client';
import { ClientContext } from '../api/context';

export interface RecordedCall {
  method: string;
  input: Record<string, unknown>;
}

/**
 * Renders a form with Mantine and a fake backend: `answer` replies to each call, now or later (an
 * ok envelope with `{}` when it returns undefined); every call is recorded, in order.
 */
export function renderForm(
  ui: ReactElement,
  answer: (
    method: string,
    input: Record<string, unknown>,
  ) => RpcResult<unknown> | Promise<RpcResult<unknown>> | undefined = () => undefined,
): RecordedCall[] {
  const calls: RecordedCall[] = [];
  const client = createClient((method, raw) => {
    const input = raw as Record<string, unknown>;
    calls.push({ method, input });
    return Promise.resolve(answer(method, input) ?? { ok: true as const, value: {} });
  });
  // The notifications' store outlives a test: start without the last test's.
  notifications.clean();
  render(
    <MantineProvider>
      <Notifications />
      <ClientContext.Provider value={client}>{ui}</ClientContext.Provider>
    </MantineProvider>,
  );
  return calls;
}

/** Types `value` into the input labelled `label` (one change event, as a paste would). */
export const type = (label: RegExp | string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

/** Waits until focus is inside a dialog (a modal took it on opening). */
export const focusInDialog = () =>
  waitFor(() => expect(document.activeElement?.closest('[role="dialog"]')).not.toBeNull());

/** The error summary, once it has focus (it takes focus after every failed save). */
export async function focusedSummary(): Promise<HTMLElement> {
  const summary = await screen.findByRole('alert', {
    name: /^There (is a problem|are \d+ problems)$/,
  });
  await waitFor(() => expect(document.activeElement).toBe(summary));
  return summary;
}

/** The sentences of the summary's links, in order. */
export const summaryLinks = (summary: HTMLElement): string[] =>
  Array.from(summary.querySelectorAll('a')).map((a) => a.textContent ?? '');

const textsOf = (ids: string | null): string[] =>
  (ids ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? '');

/**
 * What describes an input to assistive technology: the texts its aria-describedby points at, and
 * its checkbox or radio group's (Mantine describes the group, not each box).
 */
export function descriptionsOf(node: HTMLElement): string[] {
  const group = node.closest('[role="group"], [role="radiogroup"]');
  return [
    ...textsOf(node.getAttribute('aria-describedby')),
    ...textsOf(group?.getAttribute('aria-describedby') ?? null),
  ];
}

/** The Mantine notifications on screen (a refusal said beside its field shows none). */
export const shownNotifications = (): HTMLElement[] =>
  Array.from(document.querySelectorAll<HTMLElement>('.mantine-Notification-root'));

/**
 * A backend refusal said beside an inline input: the input is invalid, described by the sentence,
 * has focus, and no notification was shown.
 */
export async function expectErrorBeside(input: () => HTMLElement, message: string): Promise<void> {
  await waitFor(() =>
    expect(descriptionsOf(input()), 'the error beside the field').toContain(message),
  );
  const node = input();
  expect(node.getAttribute('aria-invalid')).toBe('true');
  await waitFor(() => expect(document.activeElement, 'the field has focus').toBe(node));
  expect(shownNotifications().map((n) => n.textContent)).toEqual([]);
}

/**
 * Each error is said in the summary and beside its field (the field is invalid and described by
 * it); each summary link focuses its field. `fields` maps each sentence to its field's input.
 */
export function expectErrorsBesideFields(
  summary: HTMLElement,
  fields: { message: string; input: () => HTMLElement }[],
): void {
  expect(summaryLinks(summary)).toEqual(fields.map((f) => f.message));
  for (const { message, input } of fields) {
    const node = input();
    expect(descriptionsOf(node), `the error beside the field of "${message}"`).toContain(message);
    const link = Array.from(summary.querySelectorAll('a')).find((a) => a.textContent === message)!;
    link.click();
    expect(document.activeElement, `the field "${message}" links to`).toBe(node);
  }
}

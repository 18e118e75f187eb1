// @vitest-environment happy-dom
import { Button, Checkbox, Group, MantineProvider, NativeSelect, TextInput } from '@mantine/core';
import { Notifications, notifications } from '@mantine/notifications';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RpcResult } from '../../../../shared/result';
import { installDomShims } from '../../testing/domShims';
import { descriptionsOf, shownNotifications } from '../../testing/formTesting';
import { useFieldError, useFieldErrors } from './useFieldErrors';

beforeAll(installDomShims);
afterEach(cleanup);

type Answer = RpcResult<string>;

/** One input with its own Save: the write's answer is `answer`. */
function OneField({ answer }: { answer: () => Answer }) {
  const name = useFieldError('Theme name');
  const [value, setValue] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <>
      <TextInput
        label="Theme name"
        value={value}
        onChange={(e) => setValue(e.currentTarget.value)}
        {...name.inputProps}
      />
      <Button onClick={() => setSaved(name.run(answer()))}>Save</Button>
      <output>{saved ?? ''}</output>
    </>
  );
}

/** A row of fields sent by one write; `fallback` owns errors no field names. */
function Row({ answer, fallback }: { answer: () => Answer; fallback?: string }) {
  const fe = useFieldErrors(
    { ownerId: 'Owner', dueDate: 'Due date', days: 'Days' },
    { fallback, title: 'Not saved' },
  );
  return (
    <>
      <NativeSelect label="Owner" data={['', 'ana']} {...fe.inputProps('ownerId')} />
      <TextInput label="Due date" {...fe.inputProps('dueDate')} />
      <Checkbox.Group label="Days" {...fe.inputProps('days')}>
        <Group>
          <Checkbox value="1" label="Monday" />
          <Checkbox value="2" label="Tuesday" />
        </Group>
      </Checkbox.Group>
      <Button onClick={() => fe.run(answer())}>Save</Button>
    </>
  );
}

const renderUi = (ui: React.ReactElement) => {
  notifications.clean();
  return render(
    <MantineProvider>
      <Notifications />
      {ui}
    </MantineProvider>,
  );
};

const refusal = (message: string, field?: string): Answer => ({
  ok: false,
  error: field ? { code: 'validation', message, field } : { code: 'conflict', message },
});

describe('useFieldError', () => {
  it('says a refusal beside its input, as a sentence naming it, and focuses it; no notification', async () => {
    renderUi(<OneField answer={() => refusal('name: is required', 'name')} />);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const input = screen.getByLabelText('Theme name');
    await waitFor(() => expect(document.activeElement).toBe(input));
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionsOf(input)).toEqual(['Theme name is required.']);
    expect(shownNotifications()).toHaveLength(0);
  });

  it('keeps a message that is already a sentence, with its full stop', async () => {
    renderUi(<OneField answer={() => refusal('A theme with this name already exists')} />);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('A theme with this name already exists.')).toBeTruthy();
    expect(shownNotifications()).toHaveLength(0);
  });

  it('takes the error away when the field is edited', async () => {
    renderUi(<OneField answer={() => refusal('is required', 'name')} />);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const input = screen.getByLabelText('Theme name');
    await screen.findByText('Theme name is required.');
    fireEvent.change(input, { target: { value: 'Access' } });
    await waitFor(() => expect(screen.queryByText('Theme name is required.')).toBeNull());
    expect(input.getAttribute('aria-invalid')).toBeNull();
  });

  it('takes the error away when the next write succeeds, and returns its value', async () => {
    let answer: Answer = refusal('is required', 'name');
    renderUi(<OneField answer={() => answer} />);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Theme name is required.');
    answer = { ok: true, value: 'saved it' };
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('saved it')).toBeTruthy();
    expect(screen.queryByText('Theme name is required.')).toBeNull();
  });
});

describe('useFieldErrors', () => {
  it("puts the error on the field it names, by that field's label", async () => {
    renderUi(<Row answer={() => refusal('dueDate: must be a real calendar date', 'dueDate')} />);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const due = screen.getByLabelText('Due date');
    await waitFor(() => expect(document.activeElement).toBe(due));
    expect(descriptionsOf(due)).toEqual(['Due date must be a real calendar date.']);
    expect(screen.getByLabelText('Owner').getAttribute('aria-invalid')).toBeNull();
    expect(shownNotifications()).toHaveLength(0);
  });

  it("focuses a group's first input and describes the group", async () => {
    renderUi(<Row answer={() => refusal('days.0: must be a weekday', 'days.0')} />);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('checkbox', { name: 'Monday' })),
    );
    expect(screen.getByText('Days must be a weekday.')).toBeTruthy();
    expect(descriptionsOf(screen.getByRole('group', { name: 'Days' }))).toContain(
      'Days must be a weekday.',
    );
  });

  it('lands an error no field names on the fallback field', async () => {
    renderUi(
      <Row answer={() => refusal('This change conflicts with existing data')} fallback="ownerId" />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const owner = screen.getByLabelText('Owner');
    await waitFor(() => expect(document.activeElement).toBe(owner));
    expect(descriptionsOf(owner)).toEqual(['This change conflicts with existing data.']);
  });

  it('without a fallback, shows an error no field owns as a notification', async () => {
    renderUi(<Row answer={() => refusal('The disk is full; nothing was changed.')} />);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(shownNotifications()).toHaveLength(1));
    expect(shownNotifications()[0].textContent).toContain('Not saved');
    expect(document.querySelectorAll('[aria-invalid="true"]')).toHaveLength(0);
  });
});

import {
  Button,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import ReactMarkdown from 'react-markdown';
import remarkGfm from 'remark-gfm';
import type { Nri, OnsiteSession } from '../../../../shared/api';
import { countryByCode, suggestedTimeZone } from '../../../../shared/domain/countries';
import {
  SESSION_FORMAT_LABELS,
  SESSION_FORMATS,
  SESSION_STATUS_LABELS,
  SESSION_STATUSES,
  type SessionFormat,
  type SessionStatus,
} from '../../../../shared/domain/nris';
import { useClient } from '../../api/context';
import { ErrorSummary, SubmitButton, useZodForm } from '../../components/forms';
import { nrisSchemas } from '../../../../shared/schemas/nris';
import { COUNTRY_OPTIONS, countryOfZone, zoneOptions } from './format';

type SessionDraft = {
  nriId: string;
  title: string;
  date: string;
  startTime: string;
  venueCountry: string;
  zone: string;
  durationMinutes: number | string;
  venue: string;
  format: SessionFormat;
  localHosts: string;
  status: SessionStatus;
  notes: string;
  outcomes: string;
};

/** The visible label of each field: error sentences start with it. */
export const SESSION_LABELS: Record<string, string> = {
  nriId: 'NRI',
  title: 'Title',
  date: 'Date',
  startTime: 'Start time',
  durationMinutes: 'Duration (minutes)',
  zone: 'Time zone',
  venue: 'Venue',
  format: 'Format',
  status: 'Status',
  localHosts: 'Local hosts',
  notes: 'Notes',
  outcomes: 'Outcomes',
};

/** The form's draft as the shared schema's fields (the venue country only suggests the zone). */
export const sessionFieldsOf = (d: SessionDraft) => ({
  nriId: d.nriId || null,
  title: d.title,
  date: d.date,
  startTime: d.startTime,
  zone: d.zone,
  durationMinutes: typeof d.durationMinutes === 'number' ? d.durationMinutes : Number.NaN,
  venue: d.venue,
  format: d.format,
  localHosts: d.localHosts,
  status: d.status,
  notes: d.notes,
  outcomes: d.outcomes,
});

function draftOf(s: OnsiteSession | undefined, nris: Nri[]): SessionDraft {
  if (s)
    return {
      nriId: s.nriId ?? '',
      title: s.title,
      date: s.localDate,
      startTime: s.localTime,
      venueCountry: nris.find((n) => n.id === s.nriId)?.country ?? countryOfZone(s.zone),
      zone: s.zone,
      durationMinutes: s.durationMinutes,
      venue: s.venue,
      format: s.format,
      localHosts: s.localHosts,
      status: s.status,
      notes: s.notes,
      outcomes: s.outcomes,
    };
  return {
    nriId: '',
    title: '',
    date: '',
    startTime: '',
    venueCountry: '',
    zone: 'UTC',
    durationMinutes: 90,
    venue: '',
    format: 'workshop',
    localHosts: '',
    status: 'scheduled',
    notes: '',
    outcomes: '',
  };
}

/** Plan or edit an onsite session at an NRI's event, in the venue's time zone. */
export function SessionForm({
  forumId,
  nris,
  session,
  onSaved,
  onCancel,
}: {
  forumId: string;
  nris: Nri[];
  session?: OnsiteSession;
  onSaved: (s: OnsiteSession) => void;
  onCancel: () => void;
}) {
  const client = useClient();
  const [preview, setPreview] = useState(false);
  // One schema for both: a session's fields are the same when planned and when edited.
  const zf = useZodForm({
    schema: nrisSchemas['sessions.create'],
    initialValues: draftOf(session, nris),
    toInput: (d: SessionDraft) => ({ forumId, ...sessionFieldsOf(d) }),
    labels: SESSION_LABELS,
  });
  const { form } = zf;
  const d = form.values;
  const zones = useMemo(() => zoneOptions(d.zone), [d.zone]);
  const suggested = d.venueCountry ? suggestedTimeZone(d.venueCountry) : undefined;

  /** A new venue country suggests its main time zone. */
  const chooseCountry = (code: string, patch: Partial<SessionDraft> = {}) => {
    const zone = code ? suggestedTimeZone(code) : undefined;
    form.setValues({ ...patch, venueCountry: code, ...(zone ? { zone } : {}) });
    if (zone) form.clearFieldError('zone');
  };

  const chooseNri = (id: string) => {
    const nri = nris.find((n) => n.id === id);
    if (nri?.country) chooseCountry(nri.country, { nriId: id });
    else form.setFieldValue('nriId', id);
    form.clearFieldError('nriId');
  };

  const zoneHint = suggested
    ? `In the venue's time zone. Suggested for ${countryByCode(d.venueCountry)?.name}: ${suggested}`
    : "In the venue's time zone";

  return (
    <form
      onSubmit={zf.onSubmit(async ({ forumId: _forum, ...fields }) => {
        const r = session
          ? await client.call('sessions.update', { id: session.id, ...fields })
          : await client.call('sessions.create', { forumId, ...fields });
        if (r.ok) onSaved(r.value);
        else return r;
      })}
      noValidate
    >
      <Stack>
        <ErrorSummary {...zf.summary} />
        <NativeSelect
          label="NRI"
          description="Whose event the session is part of"
          {...form.getInputProps('nriId')}
          onChange={(e) => chooseNri(e.currentTarget.value)}
          data={[
            { value: '', label: '— No NRI —' },
            ...nris.map((n) => ({ value: n.id, label: n.name })),
          ]}
        />
        <TextInput label="Title" required data-autofocus {...form.getInputProps('title')} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label="Date" type="date" required {...form.getInputProps('date')} />
          <TextInput
            label="Start time"
            type="time"
            required
            description="On the venue's clock"
            {...form.getInputProps('startTime')}
          />
          <NumberInput
            label="Duration (minutes)"
            min={5}
            max={1440}
            step={15}
            {...form.getInputProps('durationMinutes')}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label="Venue country"
            description="Suggests the time zone"
            value={d.venueCountry}
            onChange={(e) => chooseCountry(e.currentTarget.value)}
            data={COUNTRY_OPTIONS}
          />
          <NativeSelect
            label="Time zone"
            description={zoneHint}
            {...form.getInputProps('zone')}
            data={zones}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label="Venue" {...form.getInputProps('venue')} />
          <NativeSelect
            label="Format"
            {...form.getInputProps('format')}
            data={SESSION_FORMATS.map((f) => ({ value: f, label: SESSION_FORMAT_LABELS[f] }))}
          />
          <NativeSelect
            label="Status"
            {...form.getInputProps('status')}
            data={SESSION_STATUSES.map((s) => ({ value: s, label: SESSION_STATUS_LABELS[s] }))}
          />
        </SimpleGrid>
        <TextInput
          label="Local hosts"
          description="People or organisations hosting the session locally"
          {...form.getInputProps('localHosts')}
        />
        <Textarea
          label="Notes"
          description="Markdown"
          autosize
          minRows={3}
          {...form.getInputProps('notes')}
        />
        <Textarea
          label="Outcomes"
          description="Markdown: the practices and stories gathered"
          autosize
          minRows={3}
          {...form.getInputProps('outcomes')}
        />
        <Checkbox
          label="Preview notes and outcomes"
          checked={preview}
          onChange={(e) => setPreview(e.currentTarget.checked)}
        />
        {preview && (
          <Paper withBorder p="sm" aria-label="Markdown preview" component="section">
            <Text fw={600}>Notes</Text>
            {d.notes.trim() ? (
              <ReactMarkdown remarkPlugins={[remarkGfm]}>{d.notes}</ReactMarkdown>
            ) : (
              <Text c="dimmed">—</Text>
            )}
            <Text fw={600}>Outcomes</Text>
            {d.outcomes.trim() ? (
              <ReactMarkdown remarkPlugins={[remarkGfm]}>{d.outcomes}</ReactMarkdown>
            ) : (
              <Text c="dimmed">—</Text>
            )}
          </Paper>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <SubmitButton busy={zf.submitting}>
            {session ? 'Save session' : 'Plan session'}
          </SubmitButton>
        </Group>
      </Stack>
    </form>
  );
}

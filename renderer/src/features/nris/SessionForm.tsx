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
import { useMemo, useState, type FormEvent } from 'react';
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
import { ErrorSummary, SubmitButton, useSchemaErrors } from '../../components/forms';
import { nrisSchemas } from '../../../../shared/schemas/nris';
import { COUNTRY_OPTIONS, countryOfZone, zoneOptions } from './format';

interface SessionDraft {
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
}

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
  const [d, setD] = useState<SessionDraft>(() => draftOf(session, nris));
  const [preview, setPreview] = useState(false);
  const [saving, setSaving] = useState(false);
  const { errors, check, show, clearField, fieldId, summary } = useSchemaErrors(
    session ? nrisSchemas['sessions.update'] : nrisSchemas['sessions.create'],
    SESSION_LABELS,
  );
  const set = <K extends keyof SessionDraft>(k: K, v: SessionDraft[K]) => {
    setD((p) => ({ ...p, [k]: v }));
    clearField(k);
  };
  const zones = useMemo(() => zoneOptions(d.zone), [d.zone]);
  const suggested = d.venueCountry ? suggestedTimeZone(d.venueCountry) : undefined;

  /** A new venue country suggests its main time zone. */
  const chooseCountry = (code: string, patch: Partial<SessionDraft> = {}) => {
    const zone = code ? suggestedTimeZone(code) : undefined;
    setD((p) => ({ ...p, ...patch, venueCountry: code, ...(zone ? { zone } : {}) }));
  };

  const chooseNri = (id: string) => {
    const nri = nris.find((n) => n.id === id);
    if (nri?.country) chooseCountry(nri.country, { nriId: id });
    else set('nriId', id);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (saving) return;
    const fields = {
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
    };
    if (!check(session ? { id: session.id, ...fields } : { forumId, ...fields })) return;
    setSaving(true);
    const r = session
      ? await client.call('sessions.update', { id: session.id, ...fields })
      : await client.call('sessions.create', { forumId, ...fields });
    setSaving(false);
    if (r.ok) onSaved(r.value);
    else show(r.error);
  };

  const zoneHint = suggested
    ? `In the venue's time zone. Suggested for ${countryByCode(d.venueCountry)?.name}: ${suggested}`
    : "In the venue's time zone";

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack>
        <ErrorSummary {...summary} />
        <NativeSelect
          label="NRI"
          description="Whose event the session is part of"
          value={d.nriId}
          onChange={(e) => chooseNri(e.currentTarget.value)}
          data={[
            { value: '', label: '— No NRI —' },
            ...nris.map((n) => ({ value: n.id, label: n.name })),
          ]}
          id={fieldId('nriId')}
          error={errors.nriId}
        />
        <TextInput
          label="Title"
          required
          data-autofocus
          value={d.title}
          onChange={(e) => set('title', e.currentTarget.value)}
          id={fieldId('title')}
          error={errors.title}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label="Date"
            type="date"
            required
            value={d.date}
            onChange={(e) => set('date', e.currentTarget.value)}
            id={fieldId('date')}
            error={errors.date}
          />
          <TextInput
            label="Start time"
            type="time"
            required
            description="On the venue's clock"
            value={d.startTime}
            onChange={(e) => set('startTime', e.currentTarget.value)}
            id={fieldId('startTime')}
            error={errors.startTime}
          />
          <NumberInput
            label="Duration (minutes)"
            min={5}
            max={1440}
            step={15}
            value={d.durationMinutes}
            onChange={(v) => set('durationMinutes', v)}
            id={fieldId('durationMinutes')}
            error={errors.durationMinutes}
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
            value={d.zone}
            onChange={(e) => set('zone', e.currentTarget.value)}
            data={zones}
            id={fieldId('zone')}
            error={errors.zone}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label="Venue"
            value={d.venue}
            onChange={(e) => set('venue', e.currentTarget.value)}
            id={fieldId('venue')}
            error={errors.venue}
          />
          <NativeSelect
            label="Format"
            value={d.format}
            onChange={(e) => set('format', e.currentTarget.value as SessionFormat)}
            data={SESSION_FORMATS.map((f) => ({ value: f, label: SESSION_FORMAT_LABELS[f] }))}
            id={fieldId('format')}
            error={errors.format}
          />
          <NativeSelect
            label="Status"
            value={d.status}
            onChange={(e) => set('status', e.currentTarget.value as SessionStatus)}
            data={SESSION_STATUSES.map((s) => ({ value: s, label: SESSION_STATUS_LABELS[s] }))}
            id={fieldId('status')}
            error={errors.status}
          />
        </SimpleGrid>
        <TextInput
          label="Local hosts"
          description="People or organisations hosting the session locally"
          value={d.localHosts}
          onChange={(e) => set('localHosts', e.currentTarget.value)}
          id={fieldId('localHosts')}
          error={errors.localHosts}
        />
        <Textarea
          label="Notes"
          description="Markdown"
          autosize
          minRows={3}
          value={d.notes}
          onChange={(e) => set('notes', e.currentTarget.value)}
          id={fieldId('notes')}
          error={errors.notes}
        />
        <Textarea
          label="Outcomes"
          description="Markdown: the practices and stories gathered"
          autosize
          minRows={3}
          value={d.outcomes}
          onChange={(e) => set('outcomes', e.currentTarget.value)}
          id={fieldId('outcomes')}
          error={errors.outcomes}
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
          <SubmitButton busy={saving}>{session ? 'Save session' : 'Plan session'}</SubmitButton>
        </Group>
      </Stack>
    </form>
  );
}

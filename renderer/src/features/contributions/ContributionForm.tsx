import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  NativeSelect,
  Paper,
  Stack,
  Switch,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState, type FormEvent } from 'react';
import Markdown from 'react-markdown';
import remarkGfm from 'remark-gfm';
import type {
  Contribution,
  ContributionSources,
  DuplicateCandidate,
  ParticipantRow,
  Theme,
} from '../../../../shared/api';
import type {
  Attribution,
  ConsentMethod,
  ContributionKind,
  ContributionSource,
} from '../../../../shared/domain/contributions';
import { COUNTRIES, type Region } from '../../../../shared/domain/countries';
import { useClient } from '../../api/context';
import { ErrorSummary, SubmitButton, useSchemaErrors } from '../../components/forms';
import { contributionsSchemas } from '../../../../shared/schemas/contributions';
import {
  ATTRIBUTION_OPTIONS,
  CONSENT_METHOD_OPTIONS,
  KIND_OPTIONS,
  REGION_OPTIONS,
  SOURCE_OPTIONS,
} from './options';
import { personLabel } from '../../../../shared/domain/credit';

interface Draft {
  title: string;
  summary: string;
  body: string;
  kind: ContributionKind;
  country: string;
  region: Region | '';
  themeIds: string[];
  source: ContributionSource;
  sourceCallId: string;
  sourceSessionId: string;
  contributor: { id: string; label: string } | null;
  contributorName: string;
  contributorOrganisation: string;
  language: string;
  receivedOn: string;
  links: string;
  attribution: Attribution;
  mayPublish: boolean;
  consentGivenOn: string;
  consentMethod: ConsentMethod | '';
}

/** The visible label of each field: error sentences start with it. */
export const CONTRIBUTION_LABELS: Record<string, string> = {
  title: 'Title',
  summary: 'Summary',
  body: 'Full text',
  kind: 'Kind',
  country: 'Country',
  region: 'Region',
  themeIds: 'Themes',
  source: 'Source',
  sourceCallId: 'Call',
  sourceSessionId: 'NRI session',
  contributorId: 'Contributor',
  contributorName: 'Outside contributor name',
  contributorOrganisation: 'Organisation',
  language: 'Language',
  receivedOn: 'Date received',
  links: 'Links',
  attribution: 'Attribution',
  consentMethod: 'Consent given by',
  consentGivenOn: 'Consent given on',
  mayPublish: 'May be published',
};

const today = () => new Date().toISOString().slice(0, 10);

const empty = (): Draft => ({
  title: '',
  summary: '',
  body: '',
  kind: 'practice',
  country: '',
  region: '',
  themeIds: [],
  source: 'email',
  sourceCallId: '',
  sourceSessionId: '',
  contributor: null,
  contributorName: '',
  contributorOrganisation: '',
  language: 'en',
  receivedOn: today(),
  links: '',
  attribution: 'anonymous',
  mayPublish: false,
  consentGivenOn: '',
  consentMethod: '',
});

const fromContribution = (c: Contribution): Draft => ({
  title: c.title,
  summary: c.summary,
  body: c.body,
  kind: c.kind,
  country: c.country ?? '',
  region: c.region ?? '',
  themeIds: c.themeIds,
  source: c.source,
  sourceCallId: c.sourceCallId ?? '',
  sourceSessionId: c.sourceSessionId ?? '',
  contributor: c.contributor ? { id: c.contributor.id, label: c.contributor.fullName } : null,
  contributorName: c.contributorName,
  contributorOrganisation: c.contributorOrganisation,
  language: c.language,
  receivedOn: c.receivedOn,
  links: c.links.join('\n'),
  attribution: c.attribution,
  mayPublish: c.mayPublish,
  consentGivenOn: c.consentGivenOn ?? '',
  consentMethod: c.consentMethod ?? '',
});

/** Add or edit a contribution; shows possible duplicates as the title and text are typed. */
export function ContributionForm({
  opened,
  forumId,
  themes,
  editing,
  onClose,
  onSaved,
}: {
  opened: boolean;
  forumId: string;
  themes: Theme[];
  editing?: Contribution;
  onClose: () => void;
  onSaved: (c: Contribution) => void;
}) {
  const client = useClient();
  const [draft, setDraft] = useState<Draft>(empty);
  const [preview, setPreview] = useState(false);
  const [sources, setSources] = useState<ContributionSources>({ calls: [], sessions: [] });
  const [people, setPeople] = useState<ParticipantRow[]>([]);
  const [personSearch, setPersonSearch] = useState('');
  const [debouncedPerson] = useDebouncedValue(personSearch.trim(), 250);
  const [duplicates, setDuplicates] = useState<DuplicateCandidate[]>([]);
  const [debouncedDraft] = useDebouncedValue(
    { title: draft.title, summary: draft.summary, body: draft.body },
    400,
  );
  const [saving, setSaving] = useState(false);
  const { errors, check, show, clear, clearField, fieldId, summary } = useSchemaErrors(
    editing
      ? contributionsSchemas['contributions.update']
      : contributionsSchemas['contributions.create'],
    CONTRIBUTION_LABELS,
  );

  useEffect(() => {
    if (!opened) return;
    setDraft(editing ? fromContribution(editing) : empty());
    setPersonSearch('');
    setPreview(false);
    clear();
    void client.call('contributions.sources', { forumId }).then((r) => r.ok && setSources(r.value));
  }, [opened, editing, forumId, client, clear]);

  useEffect(() => {
    if (!opened || !debouncedPerson) return setPeople([]);
    void client
      .call('participants.list', { forumId, search: debouncedPerson, limit: 8 })
      .then((r) => setPeople(r.ok ? r.value.rows : []));
  }, [client, forumId, opened, debouncedPerson]);

  useEffect(() => {
    if (!opened || debouncedDraft.title.trim().length < 3) return setDuplicates([]);
    void client
      .call('contributions.duplicates', {
        forumId,
        ...debouncedDraft,
        ...(editing ? { excludeId: editing.id } : {}),
      })
      .then((r) => setDuplicates(r.ok ? r.value : []));
  }, [client, forumId, opened, debouncedDraft, editing]);

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    clearField(key === 'contributor' ? 'contributorId' : key);
  };

  const save = async (e?: FormEvent) => {
    e?.preventDefault();
    if (saving) return;
    const fields = {
      title: draft.title,
      summary: draft.summary,
      body: draft.body,
      kind: draft.kind,
      country: draft.country || null,
      region: draft.region || null,
      themeIds: draft.themeIds,
      source: draft.source,
      sourceCallId: draft.source === 'call' && draft.sourceCallId ? draft.sourceCallId : null,
      sourceSessionId:
        draft.source === 'nri_session' && draft.sourceSessionId ? draft.sourceSessionId : null,
      contributorId: draft.contributor?.id ?? null,
      contributorName: draft.contributor ? '' : draft.contributorName,
      contributorOrganisation: draft.contributor ? '' : draft.contributorOrganisation,
      language: draft.language,
      receivedOn: draft.receivedOn,
      links: draft.links
        .split(/\s+/)
        .map((l) => l.trim())
        .filter(Boolean),
      attribution: draft.attribution,
      mayPublish: draft.mayPublish,
      consentGivenOn: draft.consentGivenOn || null,
      consentMethod: draft.consentMethod || null,
    };
    if (!check(editing ? { id: editing.id, ...fields } : { forumId, ...fields })) return;
    setSaving(true);
    const r = editing
      ? await client.call('contributions.update', { id: editing.id, ...fields })
      : await client.call('contributions.create', { forumId, ...fields });
    setSaving(false);
    if (!r.ok) return show(r.error);
    onSaved(r.value);
  };

  const sessionsOrCalls = draft.source === 'call' ? sources.calls : sources.sessions;

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={editing ? 'Edit contribution' : 'Add contribution'}
      size="xl"
    >
      <form onSubmit={(e) => void save(e)} noValidate>
        <Stack>
          <ErrorSummary {...summary} />
          <TextInput
            label="Title"
            required
            value={draft.title}
            id={fieldId('title')}
            error={errors.title}
            onChange={(e) => set('title', e.currentTarget.value)}
          />
          {duplicates.length > 0 && (
            <Alert color="yellow" title="Possible duplicate" role="status">
              {duplicates.map((d) => (
                <Text key={d.id} size="sm">
                  Possible duplicate of “{d.title}” (similar {d.reason}, {Math.round(d.score * 100)}
                  %)
                </Text>
              ))}
            </Alert>
          )}
          <Textarea
            label="Summary"
            autosize
            minRows={2}
            value={draft.summary}
            id={fieldId('summary')}
            error={errors.summary}
            onChange={(e) => set('summary', e.currentTarget.value)}
          />
          <Switch
            label="Show Markdown preview"
            checked={preview}
            onChange={(e) => setPreview(e.currentTarget.checked)}
          />
          {preview ? (
            <Paper withBorder p="sm" aria-label="Full text preview">
              {draft.body.trim() ? (
                <Markdown remarkPlugins={[remarkGfm]}>{draft.body}</Markdown>
              ) : (
                <Text c="dimmed">Nothing written yet.</Text>
              )}
            </Paper>
          ) : (
            <Textarea
              label="Full text"
              description="Markdown"
              autosize
              minRows={5}
              value={draft.body}
              id={fieldId('body')}
              error={errors.body}
              onChange={(e) => set('body', e.currentTarget.value)}
            />
          )}
          <Group grow align="flex-start">
            <NativeSelect
              label="Kind"
              value={draft.kind}
              data={KIND_OPTIONS}
              onChange={(e) => set('kind', e.currentTarget.value as ContributionKind)}
            />
            <NativeSelect
              label="Country"
              value={draft.country}
              id={fieldId('country')}
              error={errors.country}
              data={[
                { value: '', label: 'Not recorded' },
                ...COUNTRIES.map((c) => ({ value: c.code, label: c.name })),
              ]}
              onChange={(e) => set('country', e.currentTarget.value)}
            />
            <NativeSelect
              label="Region"
              description="Taken from the country when one is chosen"
              value={draft.region}
              data={[{ value: '', label: 'Not recorded' }, ...REGION_OPTIONS]}
              onChange={(e) => set('region', e.currentTarget.value as Region | '')}
            />
          </Group>
          <Checkbox.Group
            label="Themes"
            value={draft.themeIds}
            onChange={(v) => set('themeIds', v)}
            error={errors.themeIds}
          >
            <Group mt="xs">
              {themes.length === 0 && (
                <Text size="sm" c="dimmed">
                  No themes yet (add them in the Themes tab).
                </Text>
              )}
              {themes.map((t) => (
                <Checkbox key={t.id} value={t.id} label={t.name} />
              ))}
            </Group>
          </Checkbox.Group>
          <Group grow align="flex-start">
            <NativeSelect
              label="Source"
              value={draft.source}
              data={SOURCE_OPTIONS}
              onChange={(e) => set('source', e.currentTarget.value as ContributionSource)}
            />
            {draft.source === 'call' && (
              <NativeSelect
                label="Call"
                value={draft.sourceCallId}
                id={fieldId('sourceCallId')}
                error={errors.sourceCallId}
                data={[
                  { value: '', label: sources.calls.length ? 'Not linked' : 'No calls yet' },
                  ...sources.calls.map((c) => ({ value: c.id, label: c.title })),
                ]}
                onChange={(e) => set('sourceCallId', e.currentTarget.value)}
              />
            )}
            {draft.source === 'nri_session' && (
              <NativeSelect
                label="NRI session"
                value={draft.sourceSessionId}
                id={fieldId('sourceSessionId')}
                error={errors.sourceSessionId}
                data={[
                  {
                    value: '',
                    label: sessionsOrCalls.length ? 'Not linked' : 'No NRI sessions yet',
                  },
                  ...sources.sessions.map((s) => ({ value: s.id, label: s.title })),
                ]}
                onChange={(e) => set('sourceSessionId', e.currentTarget.value)}
              />
            )}
          </Group>
          <Stack gap={4}>
            {draft.contributor ? (
              <Group>
                <Text>
                  Contributor: <strong>{draft.contributor.label}</strong>
                </Text>
                <Button size="xs" variant="default" onClick={() => set('contributor', null)}>
                  Change contributor
                </Button>
              </Group>
            ) : (
              <>
                <TextInput
                  type="search"
                  label="Contributor"
                  description="Search the forum’s participants by name, organisation or e-mail"
                  value={personSearch}
                  id={fieldId('contributorId')}
                  error={errors.contributorId}
                  onChange={(e) => setPersonSearch(e.currentTarget.value)}
                />
                {people.length > 0 && (
                  <Group gap="xs" aria-label="Matching participants">
                    {people.map((p) => (
                      <Button
                        key={p.id}
                        size="xs"
                        variant="light"
                        onClick={() => set('contributor', { id: p.id, label: p.fullName })}
                      >
                        Choose {personLabel(p)}
                      </Button>
                    ))}
                  </Group>
                )}
                <Group grow>
                  <TextInput
                    label="Outside contributor name"
                    value={draft.contributorName}
                    id={fieldId('contributorName')}
                    error={errors.contributorName}
                    onChange={(e) => set('contributorName', e.currentTarget.value)}
                  />
                  <TextInput
                    label="Organisation"
                    value={draft.contributorOrganisation}
                    id={fieldId('contributorOrganisation')}
                    error={errors.contributorOrganisation}
                    onChange={(e) => set('contributorOrganisation', e.currentTarget.value)}
                  />
                </Group>
              </>
            )}
          </Stack>
          <Group grow align="flex-start">
            <TextInput
              label="Language"
              description="e.g. en, es, pt-BR"
              value={draft.language}
              id={fieldId('language')}
              error={errors.language}
              onChange={(e) => set('language', e.currentTarget.value)}
            />
            <TextInput
              type="date"
              label="Date received"
              value={draft.receivedOn}
              id={fieldId('receivedOn')}
              error={errors.receivedOn}
              onChange={(e) => set('receivedOn', e.currentTarget.value)}
            />
          </Group>
          <Textarea
            label="Links"
            description="One web address per line"
            autosize
            value={draft.links}
            id={fieldId('links')}
            error={errors.links}
            onChange={(e) => set('links', e.currentTarget.value)}
          />
          <Paper withBorder p="sm">
            <Stack>
              <Text fw={600}>Consent</Text>
              <Group grow align="flex-start">
                <NativeSelect
                  label="Attribution"
                  value={draft.attribution}
                  data={ATTRIBUTION_OPTIONS}
                  onChange={(e) => set('attribution', e.currentTarget.value as Attribution)}
                />
                <NativeSelect
                  label="Consent given by"
                  value={draft.consentMethod}
                  data={[{ value: '', label: 'Not recorded' }, ...CONSENT_METHOD_OPTIONS]}
                  onChange={(e) =>
                    set('consentMethod', e.currentTarget.value as ConsentMethod | '')
                  }
                />
                <TextInput
                  type="date"
                  label="Consent given on"
                  value={draft.consentGivenOn}
                  id={fieldId('consentGivenOn')}
                  error={errors.consentGivenOn}
                  onChange={(e) => set('consentGivenOn', e.currentTarget.value)}
                />
              </Group>
              <Checkbox
                label="May be published"
                checked={draft.mayPublish}
                onChange={(e) => set('mayPublish', e.currentTarget.checked)}
              />
            </Stack>
          </Paper>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <SubmitButton busy={saving}>
              {editing ? 'Save changes' : 'Save contribution'}
            </SubmitButton>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

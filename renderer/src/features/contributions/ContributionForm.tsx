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
import { useEffect, useState } from 'react';
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
import { ErrorSummary, SubmitButton, useZodForm } from '../../components/forms';
import { contributionsSchemas } from '../../../../shared/schemas/contributions';
import {
  ATTRIBUTION_OPTIONS,
  CONSENT_METHOD_OPTIONS,
  KIND_OPTIONS,
  REGION_OPTIONS,
  SOURCE_OPTIONS,
} from './options';
import { personLabel } from '../../../../shared/domain/credit';

type Draft = {
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
};

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

/** The form's draft as the shared schema's fields: a chosen participant replaces the outside name. */
export const contributionFieldsOf = (d: Draft) => ({
  title: d.title,
  summary: d.summary,
  body: d.body,
  kind: d.kind,
  country: d.country || null,
  region: d.region || null,
  themeIds: d.themeIds,
  source: d.source,
  sourceCallId: d.source === 'call' && d.sourceCallId ? d.sourceCallId : null,
  sourceSessionId: d.source === 'nri_session' && d.sourceSessionId ? d.sourceSessionId : null,
  contributorId: d.contributor?.id ?? null,
  contributorName: d.contributor ? '' : d.contributorName,
  contributorOrganisation: d.contributor ? '' : d.contributorOrganisation,
  language: d.language,
  receivedOn: d.receivedOn,
  links: d.links
    .split(/\s+/)
    .map((l) => l.trim())
    .filter(Boolean),
  attribution: d.attribution,
  mayPublish: d.mayPublish,
  consentGivenOn: d.consentGivenOn || null,
  consentMethod: d.consentMethod || null,
});

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
  // One schema for both: a contribution's fields and rules are the same when added and edited.
  const zf = useZodForm({
    schema: contributionsSchemas['contributions.create'],
    initialValues: empty(),
    toInput: (d: Draft) => ({ forumId, ...contributionFieldsOf(d) }),
    labels: CONTRIBUTION_LABELS,
  });
  const { form, fieldId, reset } = zf;
  const draft = form.values;
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

  useEffect(() => {
    if (!opened) return;
    reset(editing ? fromContribution(editing) : empty());
    setPersonSearch('');
    setPreview(false);
    void client.call('contributions.sources', { forumId }).then((r) => r.ok && setSources(r.value));
  }, [opened, editing, forumId, client, reset]);

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

  const setContributor = (contributor: Draft['contributor']) => {
    form.setFieldValue('contributor', contributor);
    form.clearFieldError('contributorId');
  };

  const sessionsOrCalls = draft.source === 'call' ? sources.calls : sources.sessions;

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={editing ? 'Edit contribution' : 'Add contribution'}
      size="xl"
    >
      <form
        onSubmit={zf.onSubmit(async ({ forumId: _forum, ...fields }) => {
          const r = editing
            ? await client.call('contributions.update', { id: editing.id, ...fields })
            : await client.call('contributions.create', { forumId, ...fields });
          if (r.ok) onSaved(r.value);
          else return r;
        })}
        noValidate
      >
        <Stack>
          <ErrorSummary {...zf.summary} />
          <TextInput label="Title" required {...form.getInputProps('title')} />
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
          <Textarea label="Summary" autosize minRows={2} {...form.getInputProps('summary')} />
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
              {...form.getInputProps('body')}
            />
          )}
          <Group grow align="flex-start">
            <NativeSelect label="Kind" {...form.getInputProps('kind')} data={KIND_OPTIONS} />
            <NativeSelect
              label="Country"
              {...form.getInputProps('country')}
              data={[
                { value: '', label: 'Not recorded' },
                ...COUNTRIES.map((c) => ({ value: c.code, label: c.name })),
              ]}
            />
            <NativeSelect
              label="Region"
              description="Taken from the country when one is chosen"
              {...form.getInputProps('region')}
              data={[{ value: '', label: 'Not recorded' }, ...REGION_OPTIONS]}
            />
          </Group>
          <Checkbox.Group label="Themes" {...form.getInputProps('themeIds')}>
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
            <NativeSelect label="Source" {...form.getInputProps('source')} data={SOURCE_OPTIONS} />
            {draft.source === 'call' && (
              <NativeSelect
                label="Call"
                {...form.getInputProps('sourceCallId')}
                data={[
                  { value: '', label: sources.calls.length ? 'Not linked' : 'No calls yet' },
                  ...sources.calls.map((c) => ({ value: c.id, label: c.title })),
                ]}
              />
            )}
            {draft.source === 'nri_session' && (
              <NativeSelect
                label="NRI session"
                {...form.getInputProps('sourceSessionId')}
                data={[
                  {
                    value: '',
                    label: sessionsOrCalls.length ? 'Not linked' : 'No NRI sessions yet',
                  },
                  ...sources.sessions.map((s) => ({ value: s.id, label: s.title })),
                ]}
              />
            )}
          </Group>
          <Stack gap={4}>
            {draft.contributor ? (
              <Group>
                <Text>
                  Contributor: <strong>{draft.contributor.label}</strong>
                </Text>
                <Button
                  size="xs"
                  variant="default"
                  // The summary's link to a contributor error lands here while one is chosen.
                  id={fieldId('contributorId')}
                  onClick={() => setContributor(null)}
                >
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
                  error={form.errors.contributorId}
                  onChange={(e) => setPersonSearch(e.currentTarget.value)}
                />
                {people.length > 0 && (
                  <Group gap="xs" aria-label="Matching participants">
                    {people.map((p) => (
                      <Button
                        key={p.id}
                        size="xs"
                        variant="light"
                        onClick={() => setContributor({ id: p.id, label: p.fullName })}
                      >
                        Choose {personLabel(p)}
                      </Button>
                    ))}
                  </Group>
                )}
                <Group grow>
                  <TextInput
                    label="Outside contributor name"
                    {...form.getInputProps('contributorName')}
                  />
                  <TextInput
                    label="Organisation"
                    {...form.getInputProps('contributorOrganisation')}
                  />
                </Group>
              </>
            )}
          </Stack>
          <Group grow align="flex-start">
            <TextInput
              label="Language"
              description="e.g. en, es, pt-BR"
              {...form.getInputProps('language')}
            />
            <TextInput type="date" label="Date received" {...form.getInputProps('receivedOn')} />
          </Group>
          <Textarea
            label="Links"
            description="One web address per line"
            autosize
            {...form.getInputProps('links')}
          />
          <Paper withBorder p="sm">
            <Stack>
              <Text fw={600}>Consent</Text>
              <Group grow align="flex-start">
                <NativeSelect
                  label="Attribution"
                  {...form.getInputProps('attribution')}
                  data={ATTRIBUTION_OPTIONS}
                />
                <NativeSelect
                  label="Consent given by"
                  {...form.getInputProps('consentMethod')}
                  data={[{ value: '', label: 'Not recorded' }, ...CONSENT_METHOD_OPTIONS]}
                />
                <TextInput
                  type="date"
                  label="Consent given on"
                  {...form.getInputProps('consentGivenOn')}
                />
              </Group>
              <Checkbox
                label="May be published"
                {...form.getInputProps('mayPublish', { type: 'checkbox' })}
              />
            </Stack>
          </Paper>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <SubmitButton busy={zf.submitting}>
              {editing ? 'Save changes' : 'Save contribution'}
            </SubmitButton>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

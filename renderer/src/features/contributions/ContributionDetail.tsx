import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  Modal,
  NativeSelect,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import Markdown from 'react-markdown';
import remarkGfm from 'remark-gfm';
import type { Contribution, ContributionHistoryEntry, Theme } from '../../../../shared/api';
import {
  ATTRIBUTION_LABELS,
  CONSENT_METHOD_LABELS,
  CONTRIBUTION_KIND_LABELS,
  CONTRIBUTION_SOURCE_LABELS,
  CONTRIBUTION_STATUS_LABELS,
  WITHDRAWAL_SCOPES,
  WITHDRAWAL_SCOPE_LABELS,
  type ContributionStatus,
  type WithdrawalScope,
} from '../../../../shared/domain/contributions';
import { countryByCode, REGION_LABELS } from '../../../../shared/domain/countries';
import { useClient } from '../../api/context';
import { contributionsSchemas } from '../../../../shared/schemas/contributions';
import { unwrapOrNotify } from '../../components/errors';
import { ErrorSummary, SubmitButton, useZodForm } from '../../components/forms';
import { ContributionForm } from './ContributionForm';
import { STATUS_OPTIONS } from './options';
import { personLabel } from '../../../../shared/domain/credit';

const when = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';

function describeChange(h: ContributionHistoryEntry): string {
  const value = (v: unknown) =>
    typeof v === 'string'
      ? ((CONTRIBUTION_STATUS_LABELS as Record<string, string>)[v] ??
        (ATTRIBUTION_LABELS as Record<string, string>)[v] ??
        v)
      : v === null
        ? 'none'
        : String(v);
  switch (h.action) {
    case 'created':
      return 'Added';
    case 'imported':
      return 'Imported';
    case 'status':
      return `Status: ${value(h.from)} → ${value(h.to)}`;
    case 'consent':
      return `Consent (${h.field}): ${value(h.from)} → ${value(h.to)}`;
    case 'consent_withdrawn':
      return `Consent withdrawn: ${value(h.to)}`;
    default:
      return 'Edited';
  }
}

/** A contribution's page: its text, consent, review (status, notes, history) and withdrawal. */
export function ContributionDetail({
  id,
  forumId,
  themes,
  readOnly,
  onClose,
  onChanged,
}: {
  id: string | null;
  forumId: string;
  themes: Theme[];
  readOnly: boolean;
  onClose: () => void;
  onChanged: () => void;
}) {
  const client = useClient();
  const [c, setC] = useState<Contribution | null>(null);
  const [editing, setEditing] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);

  const show = (value: Contribution | null) => setC(value);

  useEffect(() => {
    setC(null);
    if (!id) return;
    void client.call('contributions.get', { id }).then((r) => show(unwrapOrNotify(r)));
  }, [client, id]);

  const withdrawable = c && c.consentWithdrawnScope !== 'publication';

  return (
    <Modal opened={id !== null} onClose={onClose} title="Contribution" size="xl">
      {!c ? (
        <Loader aria-label="Loading" />
      ) : (
        <Stack>
          <Title order={2} size="h3">
            {c.title}
          </Title>
          <Group gap="xs">
            <Badge>{CONTRIBUTION_STATUS_LABELS[c.status]}</Badge>
            <Badge variant="light">{CONTRIBUTION_KIND_LABELS[c.kind]}</Badge>
            {c.consentWithdrawnScope && (
              <Badge color="red">Consent to {c.consentWithdrawnScope} withdrawn</Badge>
            )}
          </Group>
          {c.possibleDuplicates.length > 0 && (
            <Alert color="yellow" title="Possible duplicate">
              {c.possibleDuplicates.map((d) => (
                <Text key={d.id} size="sm">
                  Possible duplicate of “{d.title}” ({CONTRIBUTION_STATUS_LABELS[d.status]}, similar{' '}
                  {d.reason})
                </Text>
              ))}
            </Alert>
          )}
          {c.summary && <Text fw={500}>{c.summary}</Text>}
          {c.body && (
            <Paper withBorder p="sm">
              <Markdown remarkPlugins={[remarkGfm]}>{c.body}</Markdown>
            </Paper>
          )}
          <dl style={{ display: 'grid', gridTemplateColumns: '12rem 1fr', gap: 4, margin: 0 }}>
            <dt>Source</dt>
            <dd style={{ margin: 0 }}>
              {CONTRIBUTION_SOURCE_LABELS[c.source]}
              {c.sourceTitle ? `: ${c.sourceTitle}` : ''}
            </dd>
            <dt>Contributor</dt>
            <dd style={{ margin: 0 }}>
              {c.contributor
                ? personLabel(c.contributor)
                : [c.contributorName, c.contributorOrganisation].filter(Boolean).join(', ') ||
                  'Not recorded'}
            </dd>
            <dt>Country / region</dt>
            <dd style={{ margin: 0 }}>
              {[
                c.country ? countryByCode(c.country)?.name : null,
                c.region ? REGION_LABELS[c.region] : null,
              ]
                .filter(Boolean)
                .join(', ') || 'Not recorded'}
            </dd>
            <dt>Themes</dt>
            <dd style={{ margin: 0 }}>{c.themeNames.join(', ') || 'None'}</dd>
            <dt>Received</dt>
            <dd style={{ margin: 0 }}>
              {c.receivedOn} · language {c.language}
            </dd>
            <dt>Attribution</dt>
            <dd style={{ margin: 0 }}>{ATTRIBUTION_LABELS[c.attribution]}</dd>
            <dt>May be published</dt>
            <dd style={{ margin: 0 }}>{c.mayPublish ? 'Yes' : 'No'}</dd>
            <dt>Consent</dt>
            <dd style={{ margin: 0 }}>
              {c.consentGivenOn || c.consentMethod
                ? `Given${c.consentGivenOn ? ` on ${c.consentGivenOn}` : ''}${c.consentMethod ? ` by ${CONSENT_METHOD_LABELS[c.consentMethod].toLowerCase()}` : ''}`
                : 'Not recorded'}
            </dd>
            <dt>Credited in public outputs as</dt>
            <dd style={{ margin: 0 }}>{c.publicCredit ?? 'Not used in public outputs'}</dd>
            {c.links.length > 0 && (
              <>
                <dt>Links</dt>
                <dd style={{ margin: 0 }}>
                  {c.links.map((l) => (
                    <Anchor key={l} href={l} target="_blank" rel="noreferrer" display="block">
                      {l}
                    </Anchor>
                  ))}
                </dd>
              </>
            )}
          </dl>
          {!readOnly && (
            <Group>
              <Button variant="default" onClick={() => setEditing(true)}>
                Edit contribution
              </Button>
              {withdrawable && (
                <Button color="red" variant="light" onClick={() => setWithdrawing(true)}>
                  Withdraw consent
                </Button>
              )}
            </Group>
          )}
          {!readOnly && (
            <ReviewForm
              contribution={c}
              onSaved={(r) => {
                show(r);
                onChanged();
              }}
            />
          )}
          <section aria-label="History">
            <Title order={3} size="h4">
              History
            </Title>
            <ul>
              {c.history.map((h) => (
                <li key={h.id}>
                  <Text size="sm">
                    {when(h.at)} · {h.actor} · {describeChange(h)}
                    {h.note ? ` · ${h.note}` : ''}
                  </Text>
                </li>
              ))}
            </ul>
          </section>
        </Stack>
      )}
      <Modal opened={withdrawing} onClose={() => setWithdrawing(false)} title="Withdraw consent">
        {c && (
          <WithdrawForm
            contribution={c}
            onCancel={() => setWithdrawing(false)}
            onWithdrawn={(r) => {
              show(r);
              setWithdrawing(false);
              onChanged();
            }}
          />
        )}
      </Modal>
      {c && (
        <ContributionForm
          opened={editing}
          forumId={forumId}
          themes={themes}
          editing={c}
          onClose={() => setEditing(false)}
          onSaved={(saved) => {
            setEditing(false);
            show(saved);
            onChanged();
          }}
        />
      )}
    </Modal>
  );
}

/** The visible label of each field of the review: error sentences start with it. */
export const REVIEW_LABELS: Record<string, string> = {
  status: 'Status',
  reviewerNotes: 'Reviewer notes',
};

type ReviewDraft = { status: ContributionStatus; reviewerNotes: string };

/** The review of a contribution: its status and the reviewers' notes, saved together. */
function ReviewForm({
  contribution: c,
  onSaved,
}: {
  contribution: Contribution;
  onSaved: (c: Contribution) => void;
}) {
  const client = useClient();
  const zf = useZodForm({
    schema: contributionsSchemas['contributions.setStatus'],
    initialValues: { status: c.status, reviewerNotes: c.reviewerNotes } as ReviewDraft,
    toInput: (d: ReviewDraft) => ({ id: c.id, status: d.status, reviewerNotes: d.reviewerNotes }),
    labels: REVIEW_LABELS,
  });
  const { reset } = zf;
  // The contribution as saved (here or by "Edit contribution") is what the review starts from.
  useEffect(
    () => reset({ status: c.status, reviewerNotes: c.reviewerNotes }),
    [reset, c.status, c.reviewerNotes],
  );
  return (
    <Paper withBorder p="sm">
      <form
        onSubmit={zf.onSubmit(async (input) => {
          const r = await client.call('contributions.setStatus', input);
          if (!r.ok) return r;
          onSaved(r.value);
        })}
        noValidate
        aria-label="Review"
      >
        <Stack>
          <Title order={3} size="h4">
            Review
          </Title>
          <ErrorSummary {...zf.summary} />
          <NativeSelect label="Status" data={STATUS_OPTIONS} {...zf.form.getInputProps('status')} />
          <Textarea
            label="Reviewer notes"
            autosize
            minRows={2}
            {...zf.form.getInputProps('reviewerNotes')}
          />
          <Group justify="flex-end">
            <SubmitButton busy={zf.submitting}>Save review</SubmitButton>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** The visible label of each field of the withdrawal: error sentences start with it. */
export const WITHDRAW_LABELS: Record<string, string> = {
  scope: 'What is withdrawn',
  note: 'Note',
};

type WithdrawDraft = { scope: WithdrawalScope; note: string };

/** "Withdraw consent": to publication or to attribution, with how the contributor asked. */
function WithdrawForm({
  contribution: c,
  onCancel,
  onWithdrawn,
}: {
  contribution: Contribution;
  onCancel: () => void;
  onWithdrawn: (c: Contribution) => void;
}) {
  const client = useClient();
  const scopes = WITHDRAWAL_SCOPES.filter((s) => s !== c.consentWithdrawnScope);
  const zf = useZodForm({
    schema: contributionsSchemas['contributions.withdrawConsent'],
    initialValues: { scope: scopes[0] ?? 'publication', note: '' } as WithdrawDraft,
    toInput: (d: WithdrawDraft) => ({ id: c.id, scope: d.scope, note: d.note }),
    labels: WITHDRAW_LABELS,
  });
  return (
    <form
      onSubmit={zf.onSubmit(async (input) => {
        const r = await client.call('contributions.withdrawConsent', input);
        if (!r.ok) return r;
        onWithdrawn(r.value);
      })}
      noValidate
    >
      <Stack>
        <ErrorSummary {...zf.summary} />
        <NativeSelect
          label="What is withdrawn"
          data={scopes.map((s) => ({ value: s, label: WITHDRAWAL_SCOPE_LABELS[s] }))}
          {...zf.form.getInputProps('scope')}
        />
        <TextInput
          label="Note"
          description="How the contributor asked (optional)"
          {...zf.form.getInputProps('note')}
        />
        <Text size="sm">
          This is recorded in the history and the audit log and cannot be undone here.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <SubmitButton busy={zf.submitting} color="red">
            Confirm withdrawal
          </SubmitButton>
        </Group>
      </Stack>
    </form>
  );
}

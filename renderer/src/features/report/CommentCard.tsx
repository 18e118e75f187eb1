import { Badge, Button, Group, NativeSelect, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { ReportComment } from '../../../../shared/api';
import {
  COMMENT_CHANNEL_LABELS,
  COMMENT_DISPOSITIONS,
  COMMENT_DISPOSITION_LABELS,
  DISPOSITIONS_NEEDING_RESPONSE,
  type CommentDisposition,
} from '../../../../shared/domain/report';
import { responseProblem } from '../../../../shared/domain/reportComments';
import { STAKEHOLDER_GROUP_LABELS } from '../../../../shared/domain/vocabulary';
import { reportSchemas } from '../../../../shared/schemas/report';
import { useClient } from '../../api/context';
import { useForumAccess } from '../../app/forumAccess';
import { ErrorSummary, SubmitButton, sentence, useZodForm } from '../../components/forms';
import { DISPOSITION_COLORS } from './commentOptions';

/** The visible label of each field of an answer: error sentences start with it. */
export const ANSWER_LABELS: Record<string, string> = {
  disposition: 'Answer',
  response: 'Response',
};

type AnswerDraft = { disposition: CommentDisposition; response: string };

/** One comment with the rapporteur's answer. */
export function CommentCard({
  comment: c,
  onChanged,
  onCountsChanged,
}: {
  comment: ReportComment;
  onChanged: (c: ReportComment | null) => void;
  onCountsChanged: () => void;
}) {
  const client = useClient();
  const { canWrite } = useForumAccess();
  const [removing, setRemoving] = useState(false);
  /** Why the last removal failed, said beside its button. */
  const [removeError, setRemoveError] = useState<string | null>(null);
  const zf = useZodForm({
    schema: reportSchemas['report.respondToComment'],
    initialValues: { disposition: c.disposition, response: c.response } as AnswerDraft,
    toInput: (d: AnswerDraft) => ({ id: c.id, disposition: d.disposition, response: d.response }),
    labels: ANSWER_LABELS,
    // The same rule as the backend's (shared/domain/reportComments.ts), said before sending.
    extraChecks: (d): Record<string, string> => {
      const problem = responseProblem(d.disposition, d.response);
      return problem ? { response: sentence(ANSWER_LABELS.response, problem) } : {};
    },
  });
  const { form } = zf;
  const { disposition, response } = form.values;
  const dirty = disposition !== c.disposition || response !== c.response;
  const needsResponse = DISPOSITIONS_NEEDING_RESPONSE.includes(disposition);
  const label = `Comment on ${c.ref || 'the whole document'} by ${c.commenterName}`;

  const remove = async () => {
    setRemoveError(null);
    const r = await client.call('report.removeComment', { id: c.id });
    if (r.ok) onCountsChanged();
    else setRemoveError(sentence('The comment', r.error.message));
  };

  return (
    <Paper withBorder p="sm" component="article" aria-label={label}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Group gap="xs">
            <Badge variant="outline">{c.ref || 'Whole document'}</Badge>
            <Text fw={600} size="sm">
              {c.commenterName}
            </Text>
            {c.isProtected && (
              <Badge size="xs" color="grape">
                Protected: shown by pseudonym
              </Badge>
            )}
            {c.stakeholderGroup && (
              <Text size="sm" c="dimmed">
                {STAKEHOLDER_GROUP_LABELS[c.stakeholderGroup]}
              </Text>
            )}
            <Text size="sm" c="dimmed">
              · {COMMENT_CHANNEL_LABELS[c.channel]}
              {c.receivedOn ? ` · ${c.receivedOn}` : ''}
            </Text>
          </Group>
          <Badge color={DISPOSITION_COLORS[c.disposition]} variant="light">
            {COMMENT_DISPOSITION_LABELS[c.disposition]}
          </Badge>
        </Group>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {c.text}
        </Text>
        {canWrite ? (
          <>
            <form
              onSubmit={zf.onSubmit(async (input) => {
                const r = await client.call('report.respondToComment', input);
                if (!r.ok) return r;
                onChanged(r.value);
                onCountsChanged();
              })}
              noValidate
            >
              <Stack gap="xs">
                <ErrorSummary {...zf.summary} />
                <Group align="flex-end" wrap="nowrap">
                  <NativeSelect
                    label="Answer"
                    {...form.getInputProps('disposition')}
                    data={COMMENT_DISPOSITIONS.map((d) => ({
                      value: d,
                      label: COMMENT_DISPOSITION_LABELS[d],
                    }))}
                  />
                  <Textarea
                    label="Response"
                    description={needsResponse ? 'Required: say what was taken and why' : undefined}
                    {...form.getInputProps('response')}
                    autosize
                    minRows={1}
                    style={{ flex: 1 }}
                  />
                  <SubmitButton busy={zf.submitting} disabled={!dirty}>
                    Save answer
                  </SubmitButton>
                </Group>
              </Stack>
            </form>
            <Group justify="flex-end">
              {removing ? (
                <Group gap="xs">
                  <Text size="sm">Remove this comment?</Text>
                  <Button size="compact-sm" color="red" onClick={() => void remove()}>
                    Remove comment
                  </Button>
                  <Button
                    size="compact-sm"
                    variant="default"
                    onClick={() => {
                      setRemoving(false);
                      setRemoveError(null);
                    }}
                  >
                    Keep
                  </Button>
                  {removeError && (
                    <Text size="sm" c="red" role="alert">
                      {removeError}
                    </Text>
                  )}
                </Group>
              ) : (
                <Button
                  size="compact-sm"
                  variant="subtle"
                  color="red"
                  onClick={() => setRemoving(true)}
                >
                  Remove…
                </Button>
              )}
            </Group>
          </>
        ) : (
          c.response && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              <strong>Response:</strong> {c.response}
            </Text>
          )
        )}
      </Stack>
    </Paper>
  );
}

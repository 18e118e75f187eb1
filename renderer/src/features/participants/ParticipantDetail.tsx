import {
  Alert,
  Badge,
  Button,
  Drawer,
  Group,
  Modal,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useState } from 'react';
import type { Participant } from '../../../../shared/api';
import {
  countryByCode,
  DEVELOPMENT_STATUS_LABELS,
  REGION_LABELS,
} from '../../../../shared/domain/countries';
import {
  FORUM_ROLE_LABELS,
  GENDER_LABELS,
  STAKEHOLDER_GROUP_LABELS,
} from '../../../../shared/domain/vocabulary';
import { useClient } from '../../api/context';
import { useForumAccess } from '../../app/forumAccess';
import { unwrapOrNotify } from '../../components/errors';
import { ParticipantForm } from './ParticipantForm';
import { ProtectionDialog } from './ProtectionDialog';

const yesNo = (b: boolean) => (b ? 'Yes' : 'No');

/** The participant's page: every field, with edit and remove (undoable). */
export function ParticipantDetail({
  participantId,
  forumId,
  onClose,
  onChanged,
}: {
  participantId: string | null;
  forumId: string;
  onClose: () => void;
  onChanged: () => void;
}) {
  const client = useClient();
  const [p, setP] = useState<Participant | null>(null);
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [protecting, setProtecting] = useState(false);
  // Coordinators see protection; they edit, protect and remove only when they may write.
  const { coordinators: coordinatorView, canWrite, reason } = useForumAccess();

  const load = useCallback(async () => {
    if (!participantId) return setP(null);
    setP(unwrapOrNotify(await client.call('participants.get', { id: participantId })));
  }, [client, participantId]);
  useEffect(() => {
    void load();
  }, [load]);

  const remove = async () => {
    if (!p) return;
    setConfirming(false);
    const removed = unwrapOrNotify(await client.call('participants.remove', { id: p.id }));
    if (!removed) return;
    onClose();
    onChanged();
    const id = `removed-${p.id}`;
    notifications.show({
      id,
      title: 'Participant removed',
      autoClose: 15_000,
      message: (
        <Group justify="space-between">
          <Text size="sm">{p.fullName} was removed.</Text>
          <Button
            size="compact-sm"
            variant="light"
            onClick={() => {
              notifications.hide(id);
              void client.call('participants.restore', { id: p.id }).then((r) => {
                if (unwrapOrNotify(r, 'Could not undo')) {
                  notifications.show({ message: `${p.fullName} is back.` });
                  onChanged();
                }
              });
            }}
          >
            Undo
          </Button>
        </Group>
      ),
    });
  };

  const country = p?.country ? countryByCode(p.country) : undefined;
  const rows: [string, string][] = p
    ? [
        ['Full name', p.fullName],
        ['Preferred name', p.preferredName ?? '—'],
        ['Email', p.email ?? '—'],
        ['Organisation', p.organisation ?? '—'],
        ['Stakeholder group', STAKEHOLDER_GROUP_LABELS[p.stakeholderGroup]],
        ['Role in the forum', FORUM_ROLE_LABELS[p.role]],
        ['Country', country?.name ?? '—'],
        ['Region', p.region ? REGION_LABELS[p.region] : '—'],
        [
          'Development status',
          p.developmentStatus ? DEVELOPMENT_STATUS_LABELS[p.developmentStatus] : '—',
        ],
        [
          'Gender',
          p.gender
            ? p.gender === 'self_described' && p.genderSelfDescribed
              ? p.genderSelfDescribed
              : GENDER_LABELS[p.gender]
            : '—',
        ],
        ['Languages', p.languages.join(', ') || '—'],
        ['Time zone', p.timeZone ?? '—'],
        ['Aliases', p.aliases.join(', ') || '—'],
        ['Online handles', p.handles.join(', ') || '—'],
        ["May be listed in the report's acknowledgements", yesNo(p.consentListed)],
        ['May receive invitations', yesNo(p.consentInvitations)],
        ['Notes', p.notes ?? '—'],
      ]
    : [];

  return (
    <>
      <Drawer
        opened={participantId !== null && !editing && !protecting}
        onClose={onClose}
        position="right"
        size="lg"
        title={p ? 'Participant' : 'Loading…'}
      >
        {p && (
          <Stack>
            <Group justify="space-between" align="flex-start">
              <Title order={2}>{p.fullName}</Title>
              {p.isProtected && coordinatorView && (
                <Badge color="grape" size="lg">
                  Protected · shown to others as {p.pseudonym}
                </Badge>
              )}
            </Group>
            {p.isProtected && coordinatorView && (
              <Alert color="grape">
                Only coordinators see these details. Everyone else, and every export, sees{' '}
                {p.pseudonym}. Opening this page is recorded in the audit log.
              </Alert>
            )}
            <Table>
              <Table.Tbody>
                {rows.map(([label, value]) => (
                  <Table.Tr key={label}>
                    <Table.Th scope="row" w="40%">
                      {label}
                    </Table.Th>
                    <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{value}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {reason && (
              <Text size="sm" c="dimmed">
                {reason}
              </Text>
            )}
            {canWrite && (
              <Group>
                <Button onClick={() => setEditing(true)}>Edit participant</Button>
                <Button color="grape" variant="light" onClick={() => setProtecting(true)}>
                  {p.isProtected ? 'Remove protection' : 'Protect participant'}
                </Button>
                <Button color="red" variant="light" onClick={() => setConfirming(true)}>
                  Remove participant
                </Button>
              </Group>
            )}
          </Stack>
        )}
      </Drawer>
      <ProtectionDialog
        target={protecting && p ? p : null}
        onClose={() => setProtecting(false)}
        onDone={(saved) => {
          setProtecting(false);
          setP(saved);
          onChanged();
        }}
      />
      <Modal opened={editing} onClose={() => setEditing(false)} title="Edit participant" size="xl">
        {editing && p && (
          <ParticipantForm
            forumId={forumId}
            participant={p}
            onCancel={() => setEditing(false)}
            onSaved={(saved) => {
              setEditing(false);
              setP(saved);
              onChanged();
            }}
          />
        )}
      </Modal>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title="Remove participant?">
        <Stack>
          <Text>
            {p?.fullName} will be removed from this forum. You can undo this for a while afterwards.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
            <Button color="red" onClick={() => void remove()}>
              Remove
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

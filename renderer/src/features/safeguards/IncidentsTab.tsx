import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { areaPath, useRouteParam } from '../../app/routes';
import { ReadOnlyFieldset, useForumAccess } from '../../app/forumAccess';
import type { DisruptiveActor, Forum, Incident } from '../../../../shared/api';
import {
  INCIDENT_ACTION_LABELS,
  INCIDENT_CHANNEL_LABELS,
  INCIDENT_SEVERITY_LABELS,
  INCIDENT_STATUS_LABELS,
  type IncidentSeverity,
} from '../../../../shared/domain/safeguards';
import { useApi } from '../../api/queries';
import { ExportDialog } from '../publish/ExportDialog';
import { formatWhen } from './format';
import { IncidentForm, type IncidentSaved } from './IncidentForm';

const SEVERITY_COLORS: Record<IncidentSeverity, string> = {
  low: 'gray',
  medium: 'yellow',
  high: 'orange',
  critical: 'red',
};

const protectedMessage = (n: number) =>
  n === 0
    ? 'No participants were protected.'
    : `${n} ${n === 1 ? 'participant was' : 'participants were'} protected.`;

const NO_ACTORS: DisruptiveActor[] = [];

/** The forum's incident log: newest first, with the form to log or edit one. */
export function IncidentsTab({ forum }: { forum: Forum }) {
  const list = useApi('incidents.list', { forumId: forum.id });
  const actorList = useApi('actors.list', { forumId: forum.id });
  const incidents = useMemo(
    () => (list.data ? [...list.data].sort((a, b) => b.occurredAt - a.occurredAt) : null),
    [list.data],
  );
  const actors = actorList.data ?? NO_ACTORS;
  const error = list.error?.message ?? null;
  const { canWrite } = useForumAccess();
  const [logging, setLogging] = useState(false);
  // The incident being edited is in the URL (#/safeguards/incidents/<id>): links from elsewhere
  // (an attendee flagged as an excluded actor) open it, and Back closes it.
  const [incidentId] = useRouteParam('safeguards', 'incidentId');
  const navigate = useNavigate();
  const editing = incidents?.find((i) => i.id === incidentId) ?? null;
  const setEditing = (i: Incident | null) =>
    void navigate(areaPath('safeguards', { tab: 'incidents', incidentId: i?.id }));
  const [exporting, setExporting] = useState(false);

  const onLogged = ({ protectedCount }: IncidentSaved) => {
    setLogging(false);
    notifications.show({ title: 'Incident logged', message: protectedMessage(protectedCount) });
  };

  const onUpdated = () => {
    setEditing(null);
    notifications.show({ message: 'Incident updated.' });
  };

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2} size="h3">
          Incidents
        </Title>
        <Group>
          <Button variant="default" onClick={() => setExporting(true)}>
            Export incident report
          </Button>
          {canWrite && <Button onClick={() => setLogging(true)}>Log incident</Button>}
        </Group>
      </Group>
      {error && <Alert color="red">{error}</Alert>}
      {incidents === null ? (
        !error && <Text c="dimmed">Loading…</Text>
      ) : incidents.length === 0 ? (
        <Card withBorder padding="xl">
          <Stack align="flex-start" gap="xs">
            <Text fw={600}>No incidents logged.</Text>
            <Text>
              Record harassment, threats or other disruption here, with who was targeted and what
              was done.
            </Text>
          </Stack>
        </Card>
      ) : (
        <Table highlightOnHover aria-label="Incidents">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>When</Table.Th>
              <Table.Th>Where</Table.Th>
              <Table.Th>Severity</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Targeted</Table.Th>
              <Table.Th>Actions taken</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {incidents.map((i) => (
              <Table.Tr key={i.id} onClick={() => setEditing(i)} style={{ cursor: 'pointer' }}>
                <Table.Td>
                  <Anchor
                    component="button"
                    type="button"
                    onClick={(e) => {
                      e.stopPropagation();
                      setEditing(i);
                    }}
                    aria-label={`${canWrite ? 'Edit' : 'Show'} the incident of ${formatWhen(i.occurredAt)}`}
                  >
                    {formatWhen(i.occurredAt)}
                  </Anchor>
                </Table.Td>
                <Table.Td>{INCIDENT_CHANNEL_LABELS[i.channel]}</Table.Td>
                <Table.Td>
                  <Badge color={SEVERITY_COLORS[i.severity]} variant="light">
                    {INCIDENT_SEVERITY_LABELS[i.severity]}
                  </Badge>
                </Table.Td>
                <Table.Td>{INCIDENT_STATUS_LABELS[i.status]}</Table.Td>
                <Table.Td>{i.targets.length}</Table.Td>
                <Table.Td>
                  {i.actions.length
                    ? i.actions.map((a) => INCIDENT_ACTION_LABELS[a]).join(', ')
                    : '—'}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={logging} onClose={() => setLogging(false)} title="Log incident" size="xl">
        {logging && (
          <IncidentForm
            forumId={forum.id}
            actors={actors}
            onCancel={() => setLogging(false)}
            onSaved={onLogged}
          />
        )}
      </Modal>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={canWrite ? 'Edit incident' : 'Incident'}
        size="xl"
      >
        {editing && (
          <ReadOnlyFieldset>
            <IncidentForm
              key={editing.id}
              forumId={forum.id}
              incident={editing}
              actors={actors}
              onCancel={() => setEditing(null)}
              onSaved={onUpdated}
            />
          </ReadOnlyFieldset>
        )}
      </Modal>
      <ExportDialog
        opened={exporting}
        onClose={() => setExporting(false)}
        forumId={forum.id}
        kind="incident-report"
        title="Export incident report"
        audiences={['coordinators']}
      />
    </Stack>
  );
}

import { Alert, Anchor, Badge, Card, Group, List, Stack, Text } from '@mantine/core';
import type { AlertPerson, RepresentationAlert } from '../../../../shared/api';
import { REGION_LABELS } from '../../../../shared/domain/countries';
import { ALERT_KIND_LABELS } from '../../../../shared/domain/representationAlerts';
import { FIGURE_PHASE_LABELS } from '../../../../shared/domain/stakeholderMap';
import { STAKEHOLDER_GROUP_LABELS } from '../../../../shared/domain/vocabulary';

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function People({
  label,
  people,
  onOpen,
}: {
  label: string;
  people: AlertPerson[];
  onOpen: (id: string) => void;
}) {
  if (people.length === 0) return null;
  return (
    <div>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <List size="sm">
        {people.map((p) => (
          <List.Item key={p.id}>
            <Anchor component="button" type="button" onClick={() => onOpen(p.id)}>
              {p.fullName}
            </Anchor>{' '}
            · {STAKEHOLDER_GROUP_LABELS[p.stakeholderGroup]}
            {p.region ? ` · ${REGION_LABELS[p.region]}` : ''}
            {p.isProtected ? ' · protected' : ''}
            {!p.consentInvitations ? ' · no consent to invitations' : ''}
          </List.Item>
        ))}
      </List>
    </div>
  );
}

/** Each alert with the people and events behind it and who to invite. */
export function AlertsTab({
  alerts,
  onOpenParticipant,
}: {
  alerts: RepresentationAlert[];
  onOpenParticipant: (id: string) => void;
}) {
  if (alerts.length === 0)
    return (
      <Alert color="green" title="No alerts">
        No group dominates, no planned group or region is missing, targets are met and the gender
        balance is within the threshold.
      </Alert>
    );
  return (
    <Stack component="ul" style={{ listStyle: 'none', padding: 0 }} aria-label="Alerts">
      {alerts.map((a) => (
        <Card key={a.id} component="li" withBorder>
          <Stack gap="xs">
            <Group gap="xs">
              <Badge color={a.kind === 'dominance' || a.kind === 'absence' ? 'red' : 'orange'}>
                {ALERT_KIND_LABELS[a.kind]}
              </Badge>
              <Badge variant="light">{FIGURE_PHASE_LABELS[a.phase]}</Badge>
            </Group>
            <Text>{a.message}</Text>
            {a.events.length > 0 && (
              <div>
                <Text size="sm" fw={600}>
                  Where it shows
                </Text>
                <List size="sm">
                  {a.events.map((e) => (
                    <List.Item key={e.id}>
                      {e.title} ({isoDay(e.startAt)}): {Math.round(e.share * 100)}%
                    </List.Item>
                  ))}
                </List>
              </div>
            )}
            <People label="People behind it" people={a.people} onOpen={onOpenParticipant} />
            <People
              label="Suggested to invite (registered, not at the recent calls)"
              people={a.suggestions}
              onOpen={onOpenParticipant}
            />
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}

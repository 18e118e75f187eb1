import { useAudience } from '../../api/context';
import { useForumAccess } from '../../app/forumAccess';
import {
  Badge,
  Button,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Text,
  Timeline,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { invalidateAreas, UI_AREAS } from '../../api/queries';
import type { Forum } from '../../../../shared/api';
import { NextCallCard } from '../calls/NextCallCard';
import { NeedsMinutesCard } from '../calls/NeedsMinutesCard';
import { ForumAdmin } from './ForumAdmin';
import { ForumFormModal } from './ForumFormModal';
import { nextMilestone, outsideYear } from './forumYear';
import { RetentionBanner } from '../data/Retention';

const today = () => new Date().toISOString().slice(0, 10);

export function OverviewPage({
  forum,
  onForumChanged,
  onGoToParticipants,
}: {
  forum: Forum;
  onForumChanged: (f: Forum) => void;
  onGoToParticipants: () => void;
}) {
  const [editing, setEditing] = useState(false);
  const now = today();
  const audience = useAudience();
  const reached = forum.milestones.filter((m) => m.date <= now).length;
  const next = nextMilestone(forum.milestones, forum.year, now);
  const queryClient = useQueryClient();
  // The forum's own form too follows the archive rule (the banner above says why it is off).
  const { canWrite } = useForumAccess();

  return (
    <Stack gap="lg" maw={1100}>
      {audience === 'coordinators' && <RetentionBanner forum={forum} />}
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1}>{forum.title}</Title>
          <Text c="dimmed">
            {forum.topic ? `${forum.topic} · ` : ''}
            {forum.year}
          </Text>
        </div>
        {audience === 'coordinators' && (
          <Button variant="default" onClick={() => setEditing(true)} disabled={!canWrite}>
            Edit forum
          </Button>
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Card withBorder>
          <Text size="sm" c="dimmed">
            Participants
          </Text>
          <Text size="xl" fw={700}>
            {forum.participantCount}
          </Text>
          {forum.participantCount === 0 ? (
            <Text size="sm">
              No participants yet.{' '}
              <Button variant="subtle" size="compact-sm" onClick={onGoToParticipants}>
                Add or import participants
              </Button>
            </Text>
          ) : (
            <Button variant="subtle" size="compact-sm" onClick={onGoToParticipants}>
              Open the registry
            </Button>
          )}
        </Card>
        <Card withBorder>
          <Text size="sm" c="dimmed">
            Next milestone
          </Text>
          {next ? (
            <>
              <Text size="xl" fw={700}>
                {next.label}
              </Text>
              <Text size="sm">{next.date}</Text>
            </>
          ) : (
            <Text>No upcoming milestone.</Text>
          )}
        </Card>
        <NextCallCard forumId={forum.id} />
        <NeedsMinutesCard forumId={forum.id} />
      </SimpleGrid>
      {forum.mandate && (
        <Card withBorder>
          <Title order={2} size="h4" mb="xs">
            Mandate and scope
          </Title>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{forum.mandate}</Text>
        </Card>
      )}
      <Card withBorder>
        <Title order={2} size="h4" mb="md">
          Timeline
        </Title>
        {forum.milestones.length === 0 ? (
          <Text>No milestones yet. Use “Edit forum” to plan the year.</Text>
        ) : (
          <Timeline active={reached - 1} bulletSize={18} lineWidth={2} aria-label="Timeline">
            {forum.milestones.map((m) => (
              <Timeline.Item
                key={m.id}
                title={
                  <Group gap="xs">
                    <span>{m.label}</span>
                    {m === next && <Badge size="sm">Next</Badge>}
                    {outsideYear(m.date, forum.year) && (
                      <Badge size="sm" color="orange" variant="outline">
                        Outside {forum.year}
                      </Badge>
                    )}
                  </Group>
                }
              >
                <Text size="sm" c="dimmed">
                  {m.date}
                </Text>
              </Timeline.Item>
            ))}
          </Timeline>
        )}
      </Card>
      {audience === 'coordinators' && (
        <ForumAdmin
          forum={forum}
          onChanged={onForumChanged}
          onRemoved={() => void invalidateAreas(queryClient, UI_AREAS)}
        />
      )}
      <ForumFormModal
        opened={editing}
        forum={forum}
        onClose={() => setEditing(false)}
        onSaved={(f) => {
          setEditing(false);
          onForumChanged(f);
        }}
      />
    </Stack>
  );
}

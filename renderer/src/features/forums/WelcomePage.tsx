import { Button, Card, Container, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Forum } from '../../../../shared/api';
import { useClient } from '../../api/context';
import { unwrapOrNotify } from '../../components/errors';
import { ForumForm } from './ForumForm';

/** First run: no forum yet. Offer the sample forum or a new one. */
export function WelcomePage({ onForumReady }: { onForumReady: (f: Forum) => void }) {
  const client = useClient();
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    document.title = 'Welcome · Intersession';
  }, []);

  const loadSample = async () => {
    setLoading(true);
    const forum = unwrapOrNotify(await client.call('forums.loadSample', {}));
    setLoading(false);
    if (forum) onForumReady(forum);
  };

  return (
    <Container size="md" py="xl">
      <Stack gap="lg">
        <Title order={1}>Welcome to Intersession</Title>
        <Text>
          Intersession helps the coordinators of an IGF Best Practice Forum run the year: the
          participant registry, calls and NRI sessions, contributions and the outcome report — and
          it keeps targeted participants safe in everything that leaves the app.
        </Text>
        <Card withBorder padding="lg">
          <Stack>
            <Title order={2} size="h3">
              Try it with sample data
            </Title>
            <Text>
              Load “BPF Gender and Access (sample)”: a fictional forum with about 60 participants
              from every stakeholder group and region.
            </Text>
            <Group>
              <Button onClick={() => void loadSample()} loading={loading}>
                Load sample forum
              </Button>
            </Group>
          </Stack>
        </Card>
        <Card withBorder padding="lg">
          <Title order={2} size="h3" mb="md">
            Create your forum
          </Title>
          <ForumForm onSaved={onForumReady} />
        </Card>
      </Stack>
    </Container>
  );
}

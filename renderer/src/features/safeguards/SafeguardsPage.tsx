import { Title } from '@mantine/core';
import type { Forum } from '../../../../shared/api';

export function SafeguardsPage({ forum }: { forum: Forum }) {
  return <Title order={1}>Safeguards · {forum.title}</Title>;
}

import { Divider, Stack, Text, Title } from '@mantine/core';
import type { Forum, ForumSummary } from '../../../../shared/api';
import { Backups } from './Backups';
import { ChangePassphrase } from './ChangePassphrase';
import { ExportForumPackage, ImportForumPackage } from './ForumPackage';
import { RetentionSetting } from './Retention';

/**
 * "Data and handover" (coordinators only): the forum package for next year's team, the retention
 * setting, and the database itself (backups, restore, and the passphrase that encrypts it).
 */
export function DataPage({
  forum,
  onForumImported,
}: {
  forum: Forum;
  onForumImported: (f: ForumSummary) => void;
}) {
  return (
    <Stack gap="lg" maw={900}>
      <div>
        <Title order={1}>Data and handover</Title>
        <Text c="dimmed">
          Hand the forum over to the next coordinators, decide how long personal data is kept, and
          keep backups of this database.
        </Text>
      </div>
      <ExportForumPackage forum={forum} />
      <ImportForumPackage onImported={onForumImported} />
      <RetentionSetting forum={forum} />
      <Divider />
      {/* A restore replaces every record: the app starts again from the restored file. */}
      <Backups onRestored={() => window.location.reload()} />
      <Divider />
      <ChangePassphrase />
    </Stack>
  );
}

import { Alert, Button, Loader, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { Report } from '../../../../shared/api';
import { useApiMutation } from '../../api/queries';

/** The HTML file's bytes as text (UTF-8). */
function decodeHtml(base64: string): string {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/**
 * "Preview as public": the report as the public will read it, rendered by the same publication
 * path as the export (exports.render, HTML, public audience, redacted on the document tree), shown
 * in a sandboxed frame with scripts off. Generated sections that are out of date are warned about.
 */
export function PublicPreviewButton({ forumId, report }: { forumId: string; report: Report }) {
  const [opened, setOpened] = useState(false);
  const render = useApiMutation('exports.render');
  const stale = report.sections.filter((s) => s.stale);
  const open = () => {
    setOpened(true);
    render.mutate({
      forumId,
      kind: 'report',
      format: 'html',
      audience: 'public',
      subjectId: report.id,
    });
  };
  return (
    <>
      <Button variant="default" onClick={open}>
        Preview as public
      </Button>
      <Modal
        opened={opened}
        onClose={() => setOpened(false)}
        title="Public preview of the report"
        size="90%"
      >
        <Stack>
          {stale.length > 0 && (
            <Alert color="orange" role="status" title="Generated sections are out of date">
              {stale.length === 1 ? 'This section was' : 'These sections were'} generated before the
              latest changes: {stale.map((s) => `“${s.title}”`).join(', ')}. Regenerate{' '}
              {stale.length === 1 ? 'it' : 'them'} before publishing.
            </Alert>
          )}
          {render.error && (
            <Alert color="red" role="alert">
              {render.error.message}
            </Alert>
          )}
          {render.isPending && <Loader size="sm" aria-label="Rendering the public report" />}
          {render.data && (
            <>
              <Text size="sm">
                What a public reader gets in the exported HTML file
                {render.data.redactionCount > 0
                  ? `, with ${render.data.redactionCount} protected identifier${render.data.redactionCount === 1 ? '' : 's'} replaced.`
                  : '.'}
              </Text>
              <iframe
                title="Public report preview"
                sandbox=""
                srcDoc={decodeHtml(render.data.base64)}
                style={{ width: '100%', height: '70vh', border: '1px solid #ced4da' }}
              />
            </>
          )}
        </Stack>
      </Modal>
    </>
  );
}

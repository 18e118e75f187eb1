import { Center, Stack, Text, Title } from '@mantine/core';

/** Browser mode opened without the session token in the URL. */
export function NoSession() {
  return (
    <Center h="100vh">
      <Stack maw={520} ta="center">
        <Title order={1}>Intersession</Title>
        <Text>
          This page needs the address printed by <code>npm run serve</code> (it ends with{' '}
          <code>#token=…</code>). Open that address to continue.
        </Text>
      </Stack>
    </Center>
  );
}

import { Input } from '@mantine/core';
import { useId, type ChangeEvent } from 'react';

/** The file input: which file is loaded, or what kind of file to choose. */
export function ChooseFile({
  fileName,
  fileError,
  onFile,
}: {
  fileName: string;
  fileError: string | null;
  onFile: (e: ChangeEvent<HTMLInputElement>) => Promise<void>;
}) {
  const fileInputId = useId();
  return (
    <Input.Wrapper
      label="CSV file"
      id={fileInputId}
      description={
        fileName
          ? `Loaded ${fileName}. Choose another file to start over.`
          : 'A registration-form export: UTF-8, comma, semicolon or tab separated, with a header line'
      }
      error={fileError}
    >
      <div>
        <input
          id={fileInputId}
          type="file"
          accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain"
          onChange={(e) => void onFile(e)}
        />
      </div>
    </Input.Wrapper>
  );
}

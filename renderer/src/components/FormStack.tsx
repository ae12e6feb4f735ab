import { Stack, type StackProps } from '@mui/material';
import type { FormEvent } from 'react';

interface FormStackProps extends Omit<StackProps<'form'>, 'onSubmit' | 'component' | 'ref'> {
  /** Enter in a field or the submit button; the page does not reload. */
  onSubmit: () => void;
}

/**
 * A form laid out as a column (spacing 2 unless given). The browser's own checks are off: the
 * app's messages show next to the fields instead, in the clinic's words.
 */
export function FormStack({ onSubmit, ...stack }: FormStackProps): React.JSX.Element {
  return (
    <Stack
      component="form"
      spacing={2}
      noValidate
      {...stack}
      onSubmit={(e: FormEvent<HTMLFormElement>) => {
        e.preventDefault();
        onSubmit();
      }}
    />
  );
}

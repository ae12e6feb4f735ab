import { FormControl, FormHelperText, InputLabel, OutlinedInput } from '@mui/material';
import { useId, type ChangeEvent } from 'react';

export interface PlainTextFieldProps {
  label: string;
  value: string;
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
  type?: 'text' | 'password';
  autoComplete?: string;
  autoFocus?: boolean;
  required?: boolean;
  /** Red outline and helper text; the message is in `helperText` (never colour alone). */
  error?: boolean;
  /** The hint, or the error message when `error`; read with the field (aria-describedby). */
  helperText?: string;
}

/**
 * The text field of the sign-in, first-run and lock forms: the same outlined look, floating label
 * and helper text as MUI's TextField, built from the parts it uses. TextField itself also pulls in
 * the select (menu, popover, modal) and the other input variants, which the first chunk — the
 * code parsed before the sign-in form can paint — does not need.
 */
export function PlainTextField({ label, value, onChange, type = 'text', autoComplete, autoFocus, required, error = false, helperText }: PlainTextFieldProps): React.JSX.Element {
  const id = useId();
  const inputId = `${id}-input`;
  const labelId = `${id}-label`;
  const helperId = `${id}-helper`;
  const describedBy = helperText !== undefined && helperText.trim() !== '' ? helperId : undefined;
  return (
    <FormControl required={required ?? false} error={error} variant="outlined">
      <InputLabel htmlFor={inputId} id={labelId}>
        {label}
      </InputLabel>
      <OutlinedInput
        id={inputId}
        label={label}
        type={type}
        value={value}
        onChange={onChange}
        autoComplete={autoComplete}
        autoFocus={autoFocus ?? false}
        inputProps={{ 'aria-describedby': describedBy, 'aria-invalid': error }}
      />
      {helperText !== undefined ? <FormHelperText id={helperId}>{helperText}</FormHelperText> : null}
    </FormControl>
  );
}

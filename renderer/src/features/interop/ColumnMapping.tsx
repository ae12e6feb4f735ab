import { FormControl, MenuItem, Select, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import { registerFields, registerFieldTable, type RegisterField } from '#shared/interop/registerColumns';
import { TableHeadings } from '../../components/TableHeadings';
import { WideTable } from '../../components/WideTable';

interface ColumnMappingProps {
  headers: readonly string[];
  /** The mapping the last check used (the guess with the person's corrections). */
  mapping: Readonly<Record<string, number>>;
  onChange: (field: RegisterField, column: number | null) => void;
  disabled: boolean;
}

const notImported = -1;

/**
 * The mapping screen: every field the app can take from a register, with the file's column that
 * fills it. The app guesses from the header names; any choice can be corrected here, or a column
 * left out ("Do not import"). Fields are listed in the register's usual order.
 */
export function ColumnMapping({ headers, mapping, onChange, disabled }: ColumnMappingProps): React.JSX.Element {
  return (
    <>
      <Typography variant="body2" sx={{ mb: 1 }}>
        The app matched the file&apos;s columns by their names. Correct any that are wrong, then check the file again.
      </Typography>
      <WideTable aria-label="Column mapping">
        <TableHeadings columns={['What the app stores', 'Column in the file']} />
        <TableBody>
          {registerFields.map((field) => {
            const labelId = `mapping-${field}`;
            const value = mapping[field] ?? notImported;
            return (
              <TableRow key={field}>
                {/* The field's name labels its column choice. */}
                <TableCell id={labelId}>{registerFieldTable[field].label}</TableCell>
                <TableCell>
                  <FormControl size="small" sx={{ minWidth: 260 }} disabled={disabled}>
                    <Select
                      labelId={labelId}
                      value={value}
                      onChange={(e) => {
                        const next = Number(e.target.value);
                        onChange(field, next === notImported ? null : next);
                      }}
                    >
                      <MenuItem value={notImported}>Do not import</MenuItem>
                      {headers.map((h, i) => (
                        <MenuItem key={i} value={i}>
                          Column {i + 1}: {h || '(no name)'}
                        </MenuItem>
                      ))}
                    </Select>
                  </FormControl>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </WideTable>
    </>
  );
}

import { Alert, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import { importActionLabels, type MergePreview, type RegisterImportReport } from '#shared/interop/registerImport';
import { TableHeadings } from '../../components/TableHeadings';
import { WideTable } from '../../components/WideTable';

const number = new Intl.NumberFormat();

const shown = (v: string | number | boolean | null | undefined): string => (v === null || v === undefined || v === '' ? '—' : v === true ? 'Yes' : v === false ? 'No' : String(v));

/** The first rows as they will be stored (after matching, merging and checking). */
export function PreviewTable({ report }: { report: RegisterImportReport }): React.JSX.Element {
  if (report.preview.length === 0) return <Typography>No row of the file can be imported.</Typography>;
  const columns = ['Row', 'What happens', 'Family name', 'Given names', 'Date of birth', 'Sex', 'National number', 'Clinic identifier', 'Postcode'] as const;
  return (
    <WideTable aria-label="First rows as they will be stored">
      <TableHeadings columns={columns} />
      <TableBody>
        {report.preview.map((row) => (
          <TableRow key={row.at}>
            <TableCell>{row.at}</TableCell>
            <TableCell>{importActionLabels[row.action]}</TableCell>
            <TableCell>{shown(row.record.familyName)}</TableCell>
            <TableCell>{shown(row.record.givenNames)}</TableCell>
            <TableCell>{shown(row.record.dateOfBirth)}</TableCell>
            <TableCell>{shown(row.record.sex)}</TableCell>
            <TableCell>{shown(row.record.nationalNumber)}</TableCell>
            <TableCell>{shown(row.record.clinicIdentifier)}</TableCell>
            <TableCell>{shown(row.record.postcode)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </WideTable>
  );
}

/** Every refused row (the first thousand) with the row number a spreadsheet shows and each reason. */
export function RefusedTable({ report }: { report: RegisterImportReport }): React.JSX.Element {
  if (report.refused === 0) return <Alert severity="success">No row was refused.</Alert>;
  return (
    <>
      {report.refused > report.refusedRows.length ? (
        <Alert severity="info" sx={{ mb: 1 }}>
          Showing the first {number.format(report.refusedRows.length)} of {number.format(report.refused)} refused rows. The command line lists them all.
        </Alert>
      ) : null}
      <WideTable aria-label="Refused rows">
        <TableHeadings columns={[report.format === 'csv' ? 'Row (as the spreadsheet shows it)' : 'Where in the file', 'Patient', 'Why it was refused']} />
        <TableBody>
          {report.refusedRows.map((r) => (
            <TableRow key={r.at}>
              <TableCell>{report.format === 'csv' ? r.at : r.where}</TableCell>
              <TableCell>{r.label ?? '—'}</TableCell>
              <TableCell>
                {r.reasons.map((reason) => (
                  <div key={reason}>{reason}</div>
                ))}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </WideTable>
    </>
  );
}

function changeText(m: MergePreview): string {
  return m.changes.map((c) => `${c.label}: ${shown(c.before)} → ${shown(c.after)}`).join('; ');
}

/** Existing patients the file would change, field by field, and whether the file is newer. */
export function MergeTable({ report }: { report: RegisterImportReport }): React.JSX.Element {
  if (report.mergeCount === 0) return <Typography>The file changes no patient already here.</Typography>;
  return (
    <WideTable aria-label="Merge preview">
      <TableHeadings columns={['Row', 'Patient here', 'Changes the file brings', 'Which is newer']} />
      <TableBody>
        {report.merges.map((m) => (
          <TableRow key={m.at}>
            <TableCell>{report.format === 'csv' ? m.at : m.where}</TableCell>
            <TableCell>{m.label}</TableCell>
            <TableCell>{changeText(m)}</TableCell>
            <TableCell>{m.newer ? 'The file (will be updated if you agree)' : 'The record here (kept as it is)'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </WideTable>
  );
}

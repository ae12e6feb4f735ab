import { Box, Chip, Typography } from '@mui/material';
import { memo } from 'react';
import { displayName, type PatientSummary } from '#shared/domain/patient';
import { formatAge, formatDate, todayIso } from '../../app/format';

export const patientRowHeight = 56;

// Static styles built once, not on every render of every row.
const rowStyle = {
  position: 'absolute',
  top: 0,
  left: 0,
  width: '100%',
  height: patientRowHeight,
  display: 'grid',
  gridTemplateColumns: 'minmax(200px, 2fr) minmax(140px, 1fr) minmax(120px, 1fr) auto',
  alignItems: 'center',
  gap: 2,
  px: 2,
  cursor: 'pointer',
  borderBottom: '1px solid',
  borderColor: 'divider',
  outlineOffset: -2,
} as const;
const selectedStyle = { ...rowStyle, bgcolor: 'action.selected', outline: '2px solid', outlineColor: 'primary.main' } as const;
const nameStyle = { fontWeight: 600 } as const;
const identifierStyle = { fontFamily: 'monospace' } as const;

/**
 * "Born 03/07/1956 (70 y)" for each date of birth, worked out once per day: formatting a date
 * through Intl and working out the age cost more per row than the rest of the row's render, and
 * a search repaints up to a screenful of rows on every key. The age changes with the day, so the
 * cache starts again when the date does.
 */
const bornTexts = new Map<string, string>();
let bornTextsDay = '';
const bornTextsLimit = 20_000;

export function bornText(dateOfBirth: string): string {
  const today = todayIso();
  if (today !== bornTextsDay || bornTexts.size >= bornTextsLimit) {
    bornTexts.clear();
    bornTextsDay = today;
  }
  let text = bornTexts.get(dateOfBirth);
  if (text === undefined) {
    text = `Born ${formatDate(dateOfBirth)} (${formatAge(dateOfBirth)})`;
    bornTexts.set(dateOfBirth, text);
  }
  return text;
}

interface PatientRowProps {
  patient: PatientSummary;
  /** Position in the whole result list (0-based). */
  index: number;
  /** Pixels from the top of the list (the virtualiser's offset). */
  start: number;
  selected: boolean;
  /** The listbox's id: options are `${listId}-${patient id}` for aria-activedescendant. */
  listId: string;
  /** -1 while more results may follow (unknown total). */
  setSize: number;
  onOpen: (index: number) => void;
  onHover: (index: number) => void;
}

/**
 * One patient in the search results. Memoised: while the nurse types or moves the selection,
 * only the rows whose patient, place or selection changed render again.
 */
export const PatientRow = memo(function PatientRow({ patient, index, start, selected, listId, setSize, onOpen, onHover }: PatientRowProps): React.JSX.Element {
  return (
    <Box
      id={`${listId}-${patient.id}`}
      role="option"
      aria-selected={selected}
      aria-setsize={setSize}
      aria-posinset={index + 1}
      onClick={() => onOpen(index)}
      onMouseMove={() => onHover(index)}
      sx={selected ? selectedStyle : rowStyle}
      style={{ transform: `translateY(${start}px)` }}
    >
      <Typography sx={nameStyle} noWrap>
        {displayName(patient)}
      </Typography>
      <Typography variant="body2" noWrap>
        {bornText(patient.dateOfBirth)}
      </Typography>
      <Typography variant="body2" noWrap sx={identifierStyle}>
        {patient.clinicIdentifier}
      </Typography>
      {patient.archivedAt ? <Chip size="small" label="Archived" /> : <span />}
    </Box>
  );
});

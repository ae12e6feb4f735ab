import { Chip, GlobalStyles, type Theme } from '@mui/material';
import { memo } from 'react';
import { displayName, type PatientSummary } from '#shared/domain/patient';
import { formatAge, formatDate, todayIso } from '../../app/format';

export const patientRowHeight = 56;

/*
 * Every search answer mounts up to a screenful of new rows (about 25), so a row is plain elements
 * with class names drawn by one sheet written once from the theme. As MUI Box / Typography with sx,
 * each row ran the theme's style functions and emotion for four components: most of the time
 * between the answer arriving and the list being painted. The rules are the ones those drew.
 */
export function patientRowStyles(t: Theme): Record<string, unknown> {
  const p = t.vars?.palette;
  const noWrap = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', margin: 0 } as const;
  return {
    '.patient-row': {
      position: 'absolute',
      top: 0,
      left: 0,
      width: '100%',
      height: patientRowHeight,
      display: 'grid',
      gridTemplateColumns: 'minmax(200px, 2fr) minmax(140px, 1fr) minmax(120px, 1fr) auto',
      alignItems: 'center',
      gap: t.spacing(2),
      padding: `0 ${t.spacing(2)}`,
      boxSizing: 'border-box',
      cursor: 'pointer',
      borderBottom: `1px solid ${p?.divider ?? t.palette.divider}`,
      outlineOffset: -2,
    },
    '.patient-row[aria-selected="true"]': {
      backgroundColor: p?.action.selected ?? t.palette.action.selected,
      outline: `2px solid ${p?.primary.main ?? t.palette.primary.main}`,
    },
    '.patient-row-name': { ...t.typography.body1, ...noWrap, fontWeight: 600 },
    '.patient-row-text': { ...t.typography.body2, ...noWrap },
    '.patient-row-identifier': { ...t.typography.body2, ...noWrap, fontFamily: 'monospace' },
  };
}

/** The rows' sheet, mounted once by the list (memoised: it never changes while the list is open). */
export const PatientRowStyles = memo(function PatientRowStyles(): React.JSX.Element {
  return <GlobalStyles styles={patientRowStyles} />;
});

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
    // The combobox pattern (aria-activedescendant): focus stays in the search box, which takes
    // Up / Down / Enter for the rows; a row itself is only a pointer target, never focused.
    // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/interactive-supports-focus
    <div
      id={`${listId}-${patient.id}`}
      className="patient-row"
      role="option"
      aria-selected={selected}
      aria-setsize={setSize}
      aria-posinset={index + 1}
      onClick={() => onOpen(index)}
      onMouseMove={() => onHover(index)}
      style={{ transform: `translateY(${start}px)` }}
    >
      <p className="patient-row-name">{displayName(patient)}</p>
      <p className="patient-row-text">{bornText(patient.dateOfBirth)}</p>
      <p className="patient-row-identifier">{patient.clinicIdentifier}</p>
      {patient.archivedAt ? <Chip size="small" label="Archived" /> : <span />}
    </div>
  );
});

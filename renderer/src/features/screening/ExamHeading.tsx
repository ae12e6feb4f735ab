import { Box, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { displayName, type Patient } from '#shared/domain/patient';

interface ExamHeadingProps {
  patient: Patient;
  /** When and in what state (signed by whom, or draft). */
  subtitle: ReactNode;
  /** The status and buttons on the right. */
  children: ReactNode;
}

/** The top of a screening, draft or signed: whose it is, when, and what can be done. */
export function ExamHeading({ patient, subtitle, children }: ExamHeadingProps): React.JSX.Element {
  return (
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={1} sx={{ justifyContent: 'space-between', alignItems: { md: 'center' } }}>
      <Box>
        <Typography variant="h5" component="h1">
          Foot screening: {displayName(patient)}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {subtitle}
        </Typography>
      </Box>
      {children}
    </Stack>
  );
}

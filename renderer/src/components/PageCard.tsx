import { Box, Paper, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';

interface PageCardProps {
  icon: ReactNode;
  title: string;
  maxWidth: number;
  children: ReactNode;
}

/** A screen that stands alone in the middle of the window (sign-in, lock, recovery). */
export function PageCard({ icon, title, maxWidth, children }: PageCardProps): React.JSX.Element {
  return (
    <Box component="main" sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', bgcolor: 'background.default', p: 2 }}>
      <Paper sx={{ p: 4, width: '100%', maxWidth }}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
          {icon}
          <Typography variant="h5" component="h1">
            {title}
          </Typography>
        </Stack>
        {children}
      </Paper>
    </Box>
  );
}

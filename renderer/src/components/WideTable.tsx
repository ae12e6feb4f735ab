import { Box, Table, type TableProps } from '@mui/material';

/** A table that scrolls sideways in a narrow window instead of squeezing its columns. */
export function WideTable(props: TableProps): React.JSX.Element {
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" {...props} />
    </Box>
  );
}

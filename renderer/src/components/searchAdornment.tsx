import SearchIcon from '@mui/icons-material/Search';
import { InputAdornment } from '@mui/material';

/** The magnifier at the start of a search box (a TextField's `slotProps.input`). */
export const searchAdornment = {
  startAdornment: (
    <InputAdornment position="start">
      <SearchIcon />
    </InputAdornment>
  ),
};

/** 0: success, no changes or no drift. */
export const EXIT_OK = 0;
/** 1: an error; nothing or only part was applied (the report says what). */
export const EXIT_ERROR = 1;
/** 2: changes or drift found. */
export const EXIT_CHANGES = 2;
/** 130: interrupted (Ctrl-C), after the report of what was done; 128 + SIGINT, as shells report it. */
export const EXIT_INTERRUPTED = 130;

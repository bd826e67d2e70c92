/** 0: success, no changes or no drift. */
export const EXIT_OK = 0;
/** 1: an error; nothing or only part was applied (the report says what). */
export const EXIT_ERROR = 1;
/** 2: changes or drift found. */
export const EXIT_CHANGES = 2;

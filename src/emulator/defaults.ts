// The emulator's defaults, apart from the emulator itself: `konsync emulator` shows them in its help without
// loading the server (every other command's startup would pay for it).

export const DEFAULT_TOKEN = 'kpat_emulator';
export const DEFAULT_RATE_LIMIT = 3000;
export const DEFAULT_PROVISION_MS = 2000;

/** @module The input size limit on its own, so the command line can show it without loading the parsers. */

/** The largest input read, unless the caller says otherwise: 20 MB. It holds for files, devices, pipes and stdin. */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

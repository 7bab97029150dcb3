/** The file `npm run build` writes into dist/ last: `{"started": <ms>}`, the time the build began. */
export declare const BUILD_STAMP: string;
/** True when `root/dist` holds a complete build begun after every file under `root/src` was last changed. */
export declare function compiledIsCurrent(root: string): boolean;

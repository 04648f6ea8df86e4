// The page's sync client and merge rule, bundled for Node by common.mjs into bench/.work/syncclient.mjs.
export { SyncClient } from "../../frontend/src/sync/SyncClient";
export { remoteWins } from "../../frontend/src/sync/protocol";

import "server-only";

/** The server-only data-access layer used by routes and pages. */
export * from "./queries-core";
export { getStore } from "./client";
export { isSlug } from "./slug";

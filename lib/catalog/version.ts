/** Catalog data version: bump whenever a figure in lib/catalog changes (date of the change + counter). */
export const CATALOG_VERSION = "2026-12-08.1";

import { describe, expect, it } from "vitest";
import { dbConfigFromEnv, DEFAULT_DATABASE_PATH } from "../../../db/client";

describe("dbConfigFromEnv", () => {
  it("defaults to SQLite under ./data", () => {
    expect(dbConfigFromEnv({})).toEqual({ kind: "sqlite", file: DEFAULT_DATABASE_PATH });
    expect(DEFAULT_DATABASE_PATH).toBe("data/atlas.db");
  });
  it("takes DATABASE_PATH", () => {
    expect(dbConfigFromEnv({ DATABASE_PATH: "/tmp/x.db" })).toEqual({ kind: "sqlite", file: "/tmp/x.db" });
  });
  it("switches to PostgreSQL for postgres:// and postgresql:// URLs", () => {
    expect(dbConfigFromEnv({ DATABASE_URL: "postgres://u@h:5432/d", DATABASE_PATH: "x" })).toEqual({
      kind: "postgres",
      url: "postgres://u@h:5432/d",
    });
    expect(dbConfigFromEnv({ DATABASE_URL: "postgresql://h/d" }).kind).toBe("postgres");
  });
  it("refuses another scheme rather than silently using SQLite", () => {
    expect(() => dbConfigFromEnv({ DATABASE_URL: "mysql://h/d" })).toThrow(/postgres:\/\//);
  });
});

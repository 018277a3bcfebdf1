/**
 * SI units as branded number types. Everything inside `lib/` is SI:
 * bytes, FLOP, seconds, USD. Vendors' "GB" and "TB/s" are decimal (1e9, 1e12);
 * convert once, where data is entered, with the constructors below.
 */
declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

export type Bytes = Brand<number, "Bytes">;
export type Flop = Brand<number, "Flop">;
export type FlopPerSecond = Brand<number, "FlopPerSecond">;
export type BytesPerSecond = Brand<number, "BytesPerSecond">;
export type Seconds = Brand<number, "Seconds">;
export type Usd = Brand<number, "Usd">;
export type UsdPerHour = Brand<number, "UsdPerHour">;
export type Watts = Brand<number, "Watts">;

export const bytes = (n: number) => n as Bytes;
export const gb = (n: number) => (n * 1e9) as Bytes;
export const gbPerSecond = (n: number) => (n * 1e9) as BytesPerSecond;
export const tbPerSecond = (n: number) => (n * 1e12) as BytesPerSecond;
export const tflops = (n: number) => (n * 1e12) as FlopPerSecond;
export const flop = (n: number) => n as Flop;
export const seconds = (n: number) => n as Seconds;
export const ms = (n: number) => (n / 1e3) as Seconds;
export const usd = (n: number) => n as Usd;
export const usdPerHour = (n: number) => n as UsdPerHour;
export const watts = (n: number) => n as Watts;

export const SECONDS_PER_HOUR = 3600;
/** Average month: 365.25 days / 12 × 24 h = 730.5 h. */
export const HOURS_PER_MONTH = 730.5;

/**
 * Length of text as the server counts it for limits: Unicode code points after NFC
 * normalisation and trimming (so "é" typed as e + accent counts once, and an emoji once,
 * where `maxLength` and `String.length` count UTF-16 units).
 */
export const textLength = (value: string): number => [...value.trim().normalize("NFC")].length;

// tesseract.js's prebuilt browser ESM bundle (the package's own types describe its CommonJS entry).
declare module 'tesseract.js/dist/tesseract.esm.min.js' {
  const tesseract: unknown;
  export default tesseract;
}

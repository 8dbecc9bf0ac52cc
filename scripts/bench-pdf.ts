/** PDF benchmarks arrive with the PDF issue. */
export async function benchPdf(): Promise<boolean> {
  return true;
}

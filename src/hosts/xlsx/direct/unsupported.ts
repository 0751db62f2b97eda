/**
 * What the direct .xlsx path (reading and patching the package's XML) does not handle: the caller falls
 * back to ExcelJS. Not a user error: the user never sees it.
 */
export class DirectUnsupported extends Error {
  constructor(readonly reason: string) {
    super(`direct xlsx path: ${reason}`);
    this.name = "DirectUnsupported";
  }
}

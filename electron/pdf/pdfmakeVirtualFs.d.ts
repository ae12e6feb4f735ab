/**
 * pdfmake's Node entry has a virtual file system, which it reads a font from before the disk;
 * its published types leave it out.
 */
export {};

declare module 'pdfmake' {
  export const virtualfs: {
    writeFileSync(fileName: string, content: Buffer): void;
  };
}

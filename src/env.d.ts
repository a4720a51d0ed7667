declare module "virtual:verity/data-file" {
  const dataFile: string;
  export default dataFile;
}

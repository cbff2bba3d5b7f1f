// electron-builder beforePack hook: make sure build/native/<platform>-<arch>/better_sqlite3.node is
// the Electron-ABI build for the platform being packed, before extraResources copies it into
// resources/native. npmRebuild is off, so this is the only place the native module is prepared;
// native-binding.mjs works on a temp copy of better-sqlite3 and never touches node_modules.
// Needs the internet unless the binding for this Electron version is already there.
const path = require('node:path');
const { pathToFileURL } = require('node:url');

// builder-util's Arch enum, by value
const ARCH = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'];

exports.default = async function beforePack(context) {
  const packager = context.packager;
  const root = packager.projectDir;
  const platform = context.electronPlatformName; // linux | win32 | darwin | mas
  const arch = ARCH[context.arch] ?? String(context.arch);
  const electronVersion = packager.info.framework.version;
  const { buildNativeBinding, NativeBindingError } = await import(
    pathToFileURL(path.join(__dirname, 'native-binding.mjs')).href
  );
  try {
    const result = await buildNativeBinding({ root, platform, arch, electronVersion });
    console.log(
      `  • better-sqlite3 for Electron ${electronVersion} ${platform}-${arch}: ${result.built ? `built (${result.how})` : 'current'}`,
    );
  } catch (err) {
    // One clear line instead of a stack from deep inside electron-builder.
    throw new Error(err instanceof NativeBindingError ? err.message : String(err && err.stack ? err.stack : err));
  }
};

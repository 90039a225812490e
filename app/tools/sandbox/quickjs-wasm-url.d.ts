// The package exports its wasm as "./wasm"; TypeScript does not apply Vite's `*?url` pattern
// to a subpath of a package with an exports map, so the URL import is declared here.
declare module '@jitl/quickjs-wasmfile-release-sync/wasm?url' {
  const url: string;
  export default url;
}

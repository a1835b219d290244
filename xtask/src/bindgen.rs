//! wasm-bindgen's JS glue for the bundle, generated in process by the CLI's own library.

use crate::error::{Error, Result};
use std::path::Path;

/// Writes `<out_name>.js` and `<out_name>_bg.wasm` (and `snippets/`, if any crate has some)
/// into `out_dir`, for loading as an ES module (`--target web`). The main module of a split
/// bundle keeps the linker's exports and names, which its chunks link against.
pub fn generate(wasm: &Path, out_name: &str, out_dir: &Path) -> Result<()> {
    wasm_bindgen_cli_support::Bindgen::new()
        .input_path(wasm)
        .keep_lld_exports(true)
        .demangle(false)
        .out_name(out_name)
        .typescript(false)
        .web(true)
        .and_then(|bindgen| bindgen.generate(out_dir))
        .map_err(|error| Error::Bindgen(format!("{error:#}")))
}

//! wasm-bindgen's JS glue for the bundle, generated in process by the CLI's own library.

use crate::error::{Error, Result};
use std::path::Path;

/// Writes `<out_name>.js` and `<out_name>_bg.wasm` (and `snippets/`, if any crate has some)
/// into `out_dir`, for loading as an ES module (`--target web`).
pub fn generate(wasm: &Path, out_name: &str, out_dir: &Path) -> Result<()> {
    wasm_bindgen_cli_support::Bindgen::new()
        .input_path(wasm)
        .out_name(out_name)
        .typescript(false)
        .web(true)
        .and_then(|bindgen| bindgen.generate(out_dir))
        .map_err(|error| Error::Bindgen(format!("{error:#}")))
}

//! `cargo xtask pkg`: builds the npm package in pkg/ — two wasm builds of loyal-wasm (profile
//! `wasm`): the whole library (default features) into pkg/dist/, and the small signing build
//! (`--no-default-features`: `no_std`, lol_alloc, a trapping panic handler) into
//! pkg/dist/sign/ — and prints their sizes.

use crate::install;
use crate::run::{root, Result};
use std::path::Path;

/// wasm-bindgen 0.2.130 installs `Symbol.dispose` on each class with a top-level statement
/// (`if (Symbol.dispose) X.prototype[Symbol.dispose] = X.prototype.free;`), which a bundler
/// must keep, and with it every class and every wasm export their methods call, used or not.
/// The same assignment is made in `X.__wrap` instead, the one place instances come from (the
/// glue has no constructors): a class no code reaches is then dropped. Any other shape of glue
/// fails the build rather than shipping unshakeable classes silently.
fn dispose_in_wrap(glue: &Path, text: &str) -> Result<String> {
    if text.contains("constructor(") {
        return Err(format!(
            "{}: a class has a constructor; Symbol.dispose would be missing on its instances",
            glue.display()
        ));
    }
    let mut out = String::with_capacity(text.len());
    let mut classes = Vec::new();
    for line in text.lines() {
        let class = line
            .strip_prefix("if (Symbol.dispose) ")
            .and_then(|rest| rest.split_once(".prototype[Symbol.dispose] = "))
            .map(|(class, _)| class.to_owned());
        match class {
            Some(class) => classes.push(class),
            None => {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    for class in &classes {
        let create = format!("const obj = Object.create({class}.prototype);\n");
        let install = format!(
            "{create}        if (Symbol.dispose) {class}.prototype[Symbol.dispose] = {class}.prototype.free;\n"
        );
        if out.matches(&create).count() != 1 {
            return Err(format!(
                "{}: no single {class}.__wrap to install Symbol.dispose in",
                glue.display()
            ));
        }
        out = out.replace(&create, &install);
    }
    if classes.is_empty() || out.contains("\nif (Symbol.dispose)") {
        return Err(format!(
            "{}: unexpected Symbol.dispose statements",
            glue.display()
        ));
    }
    Ok(out)
}

/// Each class's `FinalizationRegistry` (and the closures' one) is made by a top-level
/// statement a bundler must keep (a `new` may do anything), and with it the export its callback
/// calls (`__wbg_<class>_free`): marked `/* @__PURE__ */`, the registry of a class an app never
/// touches is dropped with the class.
fn pure_registries(glue: &Path, text: &str) -> Result<String> {
    let made = "\n    : new FinalizationRegistry(";
    let classes = text
        .matches(" = (typeof FinalizationRegistry === 'undefined')")
        .count();
    if classes == 0 || text.matches(made).count() != classes {
        return Err(format!(
            "{}: unexpected FinalizationRegistry statements",
            glue.display()
        ));
    }
    Ok(text.replace(made, "\n    : /* @__PURE__ */ new FinalizationRegistry("))
}

/// Writes `builders.js` next to a build's glue: every class of pkg/builders.js bound to that
/// build's `freeze<Class>` export, one pure statement each, so a bundler keeps only the
/// classes (and glue, and with `@loyal/hedera/shake` the wasm) an app uses. A class without
/// an export, or an export without a class, fails the build.
/// The relative path from a build's output directory (pkg/dist/…) up to pkg/, where the
/// package's own modules (builders.js, engine.js) sit.
fn up_to_pkg(dist: &Path) -> String {
    "../".repeat(
        dist.strip_prefix(root().join("pkg"))
            .map_or(1, |d| d.components().count()),
    )
}

fn write_builders(dist: &Path, glue: &str) -> Result {
    let read = |p: &Path| std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()));
    let classes = read(&root().join("pkg/builders.js"))?;
    // Declarations start their line in both files (comments and strings do not count).
    let names = |text: &str, prefix: &str| -> Vec<String> {
        let mut out: Vec<String> = text
            .lines()
            .filter_map(|line| line.strip_prefix(prefix))
            .filter_map(|rest| {
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric())
                    .collect();
                name.ends_with("Transaction").then_some(name)
            })
            .collect();
        out.sort();
        out
    };
    let exported = names(glue, "export function freeze");
    let declared = names(&classes, "export class ");
    if exported != declared {
        return Err(format!(
            "pkg/builders.js classes {declared:?} do not match the freeze exports {exported:?} of {}",
            dist.display()
        ));
    }
    // Each class's bytes form, `freeze<Type>` without `Transaction`, and `signTransaction`.
    let functions: Vec<String> = exported
        .iter()
        .map(|n| format!("freeze{}", n.strip_suffix("Transaction").unwrap_or(n)))
        .collect();
    for export in functions
        .iter()
        .map(String::as_str)
        .chain(["signTransaction"])
    {
        if !glue.contains(&format!("export function {export}(")) {
            return Err(format!("{}: no export {export}", dist.display()));
        }
    }
    let up = up_to_pkg(dist);
    let mut js = format!(
        "// Generated by `cargo xtask pkg`: the builder classes bound to this build's wasm.\n\
         import * as B from \"{up}builders.js\";\nimport * as W from \"./loyal_wasm.js\";\n\n"
    );
    for name in &exported {
        js += &format!(
            "export const {name} = /* @__PURE__ */ B.boundTo(B.{name}, W.freeze{name});\n"
        );
    }
    js += &format!(
        "\n// Transactions as bytes: one function per type, then signTransaction.\n\
         export {{ {} }} from \"./loyal_wasm.js\";\n\
         export const signTransaction = /* @__PURE__ */ B.signingWith(W.signTransaction);\n",
        functions.join(", ")
    );
    std::fs::write(dist.join("builders.js"), js).map_err(|e| e.to_string())
}

/// One wasm build of the package: cargo features, output directory, entry point.
struct Build {
    flags: &'static [&'static str],
    /// The panic handler traps without reading its argument (the `no_std` build): its panic
    /// locations are redacted.
    panics_trap: bool,
    out: &'static str,
    what: &'static str,
}

const BUILDS: [Build; 2] = [
    Build {
        flags: &[],
        panics_trap: false,
        out: "pkg/dist",
        what: "@loyal/hedera",
    },
    Build {
        flags: &["--no-default-features"],
        panics_trap: true,
        out: "pkg/dist/sign",
        what: "@loyal/hedera/sign",
    },
];

/// wasm-bindgen's glue trusts its argument types: a number where a `&str` goes is measured as
/// `undefined` bytes, and the allocator is then handed NaN sizes (in the release build, an
/// endless loop or memory out of bounds). Its argument passers check first and throw what
/// every other refusal is: a `LoyalError` with code INVALID_ARGUMENT. A class instance of the
/// wrong class is refused the same way instead of with a bare `Error`, made by the package's
/// own `loyalError` (`engine`: the import path from the glue to pkg/engine.js).
fn checked_arguments(glue: &Path, text: &str, engine: &str) -> Result<String> {
    const PATCHES: &[(&str, &str)] = &[
        (
            "function passStringToWasm0(arg, malloc, realloc) {\n",
            "    if (typeof arg !== 'string') throw argumentError('a string', arg);\n",
        ),
        (
            "function passArray8ToWasm0(arg, malloc) {\n",
            // By tag, not `instanceof`: bytes from another realm (an iframe, jsdom, `vm`) are bytes.
            "    if (!(Object.prototype.toString.call(arg) === '[object Uint8Array]' || Array.isArray(arg))) throw argumentError('a Uint8Array', arg);\n",
        ),
    ];
    let mut out = text.to_owned();
    for (head, check) in PATCHES {
        if out.matches(head).count() != 1 {
            return Err(format!(
                "{}: expected one `{}`",
                glue.display(),
                head.trim_end()
            ));
        }
        out = out.replace(head, &format!("{head}{check}"));
    }
    let bare = "throw new Error(`expected instance of ${klass.name}`);";
    if out.contains("function _assertClass(") {
        if out.matches(bare).count() != 1 {
            return Err(format!("{}: unexpected _assertClass", glue.display()));
        }
        out = out.replace(bare, "throw argumentError(`a ${klass.name}`, instance);");
    }
    out.push_str(
        "\nfunction argumentError(expected, got) {\n    const reason = `expected ${expected}, got ${got === null ? 'null' : typeof got}`;\n    return loyalError('INVALID_ARGUMENT', reason, { reason });\n}\n",
    );
    Ok(format!("import {{ loyalError }} from '{engine}';\n{out}"))
}

pub fn run() -> Result {
    install::rust_target()?;
    install::apt()?;
    install::wasm_bindgen_cli()?;
    for build in &BUILDS {
        eprintln!("xtask: building the wasm of {}", build.what);
        let dist = root().join(build.out);
        let built = crate::wasm::build_and_bind("loyal-wasm", "wasm", build.flags, &dist)?;
        // The glue is read once, rewritten, then read for the freeze exports it has.
        let path = dist.join("loyal_wasm.js");
        let glue =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let glue = pure_registries(&path, &dispose_in_wrap(&path, &glue)?)?;
        let engine = format!("{}engine.js", up_to_pkg(&dist));
        let glue = checked_arguments(&path, &glue, &engine)?;
        let shipped = if build.panics_trap {
            crate::shake_graph::redact_panic_locations(&built.linked, &built.shipped)?
        } else {
            built.shipped
        };
        let (wasm, glue) = crate::imports::minify(&shipped, &glue)?;
        // The graph is tied to the bytes that ship (their size and hash). It is made before
        // this writes anything; should it fail, what wasm-bindgen already wrote sits beside
        // the old graph, which shake.js then refuses by its hash.
        let graph = crate::shake_graph::build(&built.linked, &built.bound, &wasm)?;
        std::fs::write(&path, &glue).map_err(|e| e.to_string())?;
        std::fs::write(dist.join("loyal_wasm_bg.wasm"), &wasm).map_err(|e| e.to_string())?;
        std::fs::write(dist.join("loyal_wasm_bg.shake.json"), graph).map_err(|e| e.to_string())?;
        write_builders(&dist, &glue)?;
        println!(
            "pkg: {} ({} B wasm, {} B JS glue) -> {}",
            build.what,
            wasm.len(),
            glue.len(),
            dist.display()
        );
    }
    Ok(())
}

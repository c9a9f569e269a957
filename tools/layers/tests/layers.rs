//! The layer rule of `docs/ARCHITECTURE.md`, checked on every test run.
//!
//! Reads every Rust file of the core (`core/src`) and the app (`src`),
//! finds what each one takes from another file of its crate (`use
//! crate::…`, `use super::…`, and paths written out in the code, such as
//! `crate::store::Store::install()`), and fails when
//!
//! - a file imports a file of a higher layer (core < state < components <
//!   pages < shell; a component never imports a page), or
//! - files import each other in a circle, directly or through others.
//!
//! The message names the two files of every offending import. It reads the
//! sources as text: no compiler plugin, no extra crate.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The app's layers, bottom to top, by the folder (or file) a module is in.
/// The core is a crate of its own below all of them.
fn app_layer(rel: &str) -> Option<(usize, &'static str)> {
    const LAYERS: &[(&str, usize, &str)] = &[
        ("src/state/", 1, "state"),
        ("src/components/", 2, "components"),
        ("src/pages/", 3, "pages"),
        ("src/lib.rs", 4, "shell"),
        ("src/routes.rs", 4, "shell"),
        ("src/main.rs", 4, "shell"),
        ("src/bin/", 4, "shell"),
    ];
    LAYERS
        .iter()
        .find(|(prefix, _, _)| rel.starts_with(prefix))
        .map(|(_, n, name)| (*n, *name))
}

/// Inside the core, `model/` is the bottom: it may use only itself and the
/// two leaf modules every stored type needs (texts and interned names).
fn core_rule(from: &str, to: &str) -> Option<String> {
    let in_model = |p: &str| p.starts_with("core/src/model/");
    let leaf = |p: &str| matches!(p, "core/src/i18n.rs" | "core/src/intern.rs");
    (in_model(from) && !in_model(to) && !leaf(to)).then(|| {
        "the core's model is its bottom layer: it may use only model/, i18n and intern".to_string()
    })
}

struct Source {
    /// Path relative to the repository, with `/`.
    rel: String,
    /// The module path inside its crate (`["store", "save"]`).
    module: Vec<String>,
    /// The code without comments, strings and test modules.
    code: String,
    /// The crate's root folder (`src` or `core/src`).
    root: String,
}

/// The repository's root (this crate is `tools/layers`).
fn main_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// Module path of a file below its crate root (`a/b/mod.rs` → `a::b`;
/// `lib.rs`, `main.rs` → the root; `bin/x.rs` → a root of its own).
fn module_of(rel_to_root: &str) -> Vec<String> {
    let no_ext = rel_to_root.trim_end_matches(".rs");
    let mut parts: Vec<String> = no_ext.split('/').map(str::to_string).collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts
}

/// The text with comments, string and char literals blanked out, and
/// `#[cfg(test)]` modules removed (a test may reach anywhere).
fn strip(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'/' && b.get(i + 1) == Some(&b'/') {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
        } else if c == b'/' && b.get(i + 1) == Some(&b'*') {
            let mut depth = 0;
            while i < b.len() {
                if b[i] == b'/' && b.get(i + 1) == Some(&b'*') {
                    depth += 1;
                    i += 2;
                } else if b[i] == b'*' && b.get(i + 1) == Some(&b'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
        } else if c == b'r'
            && (b.get(i + 1) == Some(&b'"') || b.get(i + 1) == Some(&b'#'))
            && !ident_byte(b, i)
        {
            // Raw string r"…" or r#"…"#.
            let mut j = i + 1;
            let mut hashes = 0;
            while b.get(j) == Some(&b'#') {
                hashes += 1;
                j += 1;
            }
            if b.get(j) != Some(&b'"') {
                out.push(c as char);
                i += 1;
                continue;
            }
            j += 1;
            loop {
                if j >= b.len() {
                    break;
                }
                if b[j] == b'"' && (0..hashes).all(|k| b.get(j + 1 + k) == Some(&b'#')) {
                    j += 1 + hashes;
                    break;
                }
                j += 1;
            }
            out.push_str("\"\"");
            i = j;
        } else if c == b'"' {
            i += 1;
            while i < b.len() && b[i] != b'"' {
                if b[i] == b'\\' {
                    i += 1;
                }
                i += 1;
            }
            i += 1;
            out.push_str("\"\"");
        } else if c == b'\'' {
            // A char literal ('a', '\n', '\u{..}'), or a lifetime.
            let close = if b.get(i + 1) == Some(&b'\\') {
                (i + 2..b.len().min(i + 12)).find(|&k| b[k] == b'\'')
            } else if b.get(i + 2) == Some(&b'\'') {
                Some(i + 2)
            } else {
                std::str::from_utf8(&b[i + 1..b.len().min(i + 6)])
                    .ok()
                    .and_then(|s| s.chars().next())
                    .filter(|ch| !ch.is_ascii())
                    .map(|ch| i + 1 + ch.len_utf8())
                    .filter(|&k| b.get(k) == Some(&b'\''))
            };
            match close {
                Some(k) => {
                    out.push_str("' '");
                    i = k + 1;
                }
                None => {
                    out.push('\'');
                    i += 1;
                }
            }
        } else {
            let ch = text[i..].chars().next().unwrap_or(' ');
            out.push(ch);
            i += ch.len_utf8();
        }
    }
    remove_test_modules(&out)
}

fn ident_byte(b: &[u8], i: usize) -> bool {
    i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_')
}

fn remove_test_modules(code: &str) -> String {
    let mut out = code.to_string();
    while let Some(at) = out.find("#[cfg(test)]") {
        let rest = &out[at..];
        let Some(open) = rest.find('{') else { break };
        // Only a module (or item) block: find its matching brace.
        let mut depth = 0;
        let mut end = None;
        for (k, ch) in rest[open..].char_indices() {
            match ch {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = Some(at + open + k + 1);
                        break;
                    }
                }
                _ => {}
            }
        }
        let Some(end) = end else { break };
        out.replace_range(at..end, "");
    }
    out
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Every path the code names that starts with `crate::`, `super::` or
/// `self::` (use trees expanded), as segment lists; `pub use` of a direct
/// child module (a folder's façade) is left out.
fn paths(code: &str) -> Vec<(Vec<String>, bool)> {
    let mut found = Vec::new();
    // `use` statements first: their trees are expanded.
    let mut rest_code = String::with_capacity(code.len());
    let mut i = 0;
    let chars: Vec<char> = code.chars().collect();
    while i < chars.len() {
        let at_word = i == 0 || !is_ident(chars[i - 1]);
        if at_word && chars[i..].starts_with(&['u', 's', 'e', ' ']) {
            let is_pub = {
                let before: String = chars[i.saturating_sub(16)..i].iter().collect();
                let t = before.trim_end();
                t.ends_with("pub") || t.ends_with(')')
            };
            let end = (i..chars.len())
                .find(|&k| chars[k] == ';')
                .unwrap_or(chars.len());
            let tree: String = chars[i + 4..end].iter().collect();
            for p in expand(&tree) {
                found.push((p, is_pub));
            }
            i = end;
            continue;
        }
        rest_code.push(chars[i]);
        i += 1;
    }
    // Paths written out in the code.
    let c: Vec<char> = rest_code.chars().collect();
    let mut k = 0;
    while k < c.len() {
        let at_word = k == 0 || !(is_ident(c[k - 1]) || c[k - 1] == ':');
        if at_word {
            for head in ["crate::", "super::", "self::"] {
                let h: Vec<char> = head.chars().collect();
                if c[k..].starts_with(&h) {
                    let mut segs = vec![head.trim_end_matches(':').to_string()];
                    let mut j = k + h.len();
                    loop {
                        let s = j;
                        while j < c.len() && is_ident(c[j]) {
                            j += 1;
                        }
                        if s == j {
                            break;
                        }
                        segs.push(c[s..j].iter().collect());
                        if c[j..].starts_with(&[':', ':']) {
                            j += 2;
                        } else {
                            // A macro path: `crate::name!`.
                            if c.get(j) == Some(&'!') {
                                segs.push("!".into());
                            }
                            break;
                        }
                    }
                    found.push((segs, false));
                    k = j;
                    break;
                }
            }
        }
        k += 1;
    }
    found
}

/// Expands a use tree (`crate::a::{b, c::{d, e}}`) into its paths.
fn expand(tree: &str) -> Vec<Vec<String>> {
    // `x as y` names x: drop the renames before the spaces go.
    let words: Vec<&str> = tree.split_whitespace().collect();
    let mut kept = String::new();
    let mut k = 0;
    while k < words.len() {
        if words[k] == "as" {
            // The new name may carry the tree's punctuation (`y},` or `y`).
            let tail: String = words
                .get(k + 1)
                .unwrap_or(&"")
                .chars()
                .skip_while(|c| is_ident(*c))
                .collect();
            kept.push_str(&tail);
            k += 2;
        } else {
            kept.push_str(words[k]);
            k += 1;
        }
    }
    let tree = kept;
    let mut out = Vec::new();
    expand_into(&tree, &mut Vec::new(), &mut out);
    out.retain(|p| {
        matches!(
            p.first().map(String::as_str),
            Some("crate" | "super" | "self")
        )
    });
    out
}

fn expand_into(tree: &str, prefix: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    let tree = tree.trim_start_matches("::");
    if let Some(open) = tree.find('{') {
        let head = &tree[..open];
        let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
        let n = prefix.len();
        prefix.extend(
            head.split("::")
                .filter(|s| !s.is_empty())
                .map(str::to_string),
        );
        for part in split_top(inner) {
            expand_into(&part, prefix, out);
        }
        prefix.truncate(n);
    } else {
        let mut p = prefix.clone();
        p.extend(
            tree.split("::")
                .filter(|s| !s.is_empty() && *s != "*")
                .map(str::to_string),
        );
        if p.last().map(String::as_str) == Some("self") {
            p.pop();
        }
        if !p.is_empty() {
            out.push(p);
        }
    }
}

fn split_top(s: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut depth = 0;
    let mut cur = String::new();
    for ch in s.chars() {
        match ch {
            '{' => {
                depth += 1;
                cur.push(ch);
            }
            '}' => {
                depth -= 1;
                cur.push(ch);
            }
            ',' if depth == 0 => {
                parts.push(std::mem::take(&mut cur));
            }
            _ => cur.push(ch),
        }
    }
    if !cur.is_empty() {
        parts.push(cur);
    }
    parts
}

struct Tree {
    /// Module path → file (relative), per crate root.
    files: BTreeMap<(String, Vec<String>), String>,
    /// `#[macro_export]` macros → the file defining them, per crate root.
    macros: BTreeMap<(String, String), String>,
}

impl Tree {
    /// The file a path names: the deepest module file along it.
    fn resolve(&self, root: &str, from: &[String], path: &[String]) -> Option<String> {
        let mut module: Vec<String> = match path.first().map(String::as_str) {
            Some("crate") => Vec::new(),
            Some("super") => {
                let mut m = from.to_vec();
                m.pop();
                m
            }
            Some("self") => from.to_vec(),
            _ => return None,
        };
        let mut rest = &path[1..];
        while rest.first().map(String::as_str) == Some("super") {
            module.pop();
            rest = &rest[1..];
        }
        // An exported macro lives at the crate root by name (`crate::m!`,
        // `use crate::m;`), but belongs to the file that defines it.
        let is_macro = rest.len() == 1 || (rest.len() == 2 && rest[1] == "!");
        if path.first().map(String::as_str) == Some("crate") && is_macro {
            if let Some(file) = self.macros.get(&(root.to_string(), rest[0].clone())) {
                return Some(file.clone());
            }
        }
        let mut best = self.files.get(&(root.to_string(), module.clone())).cloned();
        for seg in rest {
            module.push(seg.clone());
            match self.files.get(&(root.to_string(), module.clone())) {
                Some(f) => best = Some(f.clone()),
                None => break,
            }
        }
        best
    }
}

fn load() -> (Vec<Source>, Tree) {
    let dir = main_dir();
    let mut sources = Vec::new();
    let mut tree = Tree {
        files: BTreeMap::new(),
        macros: BTreeMap::new(),
    };
    for root in ["src", "core/src"] {
        let mut files = Vec::new();
        collect(&dir.join(root), &mut files);
        files.sort();
        for f in files {
            let rel = f
                .strip_prefix(&dir)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            let in_root = rel.strip_prefix(&format!("{root}/")).unwrap().to_string();
            let text = fs::read_to_string(&f).unwrap();
            let module = if in_root.starts_with("bin/") {
                vec![format!("<bin {in_root}>")]
            } else {
                module_of(&in_root)
            };
            let mut rest = text.as_str();
            while let Some(at) = rest.find("#[macro_export]") {
                rest = &rest[at..];
                if let Some(m) = rest.find("macro_rules!") {
                    let name: String = rest[m + 12..]
                        .trim_start()
                        .chars()
                        .take_while(|c| is_ident(*c))
                        .collect();
                    tree.macros.insert((root.to_string(), name), rel.clone());
                }
                rest = &rest[15..];
            }
            // main.rs and bin/ are roots of their own programs; lib.rs is the crate root.
            if !(in_root == "main.rs" || in_root.starts_with("bin/")) {
                tree.files
                    .insert((root.to_string(), module.clone()), rel.clone());
            }
            sources.push(Source {
                rel,
                module,
                code: strip(&text),
                root: root.to_string(),
            });
        }
    }
    (sources, tree)
}

/// Every import between two files: (from, to) → what `from` names of `to`.
fn edges(sources: &[Source], tree: &Tree) -> BTreeMap<(String, String), BTreeSet<String>> {
    let mut edges: BTreeMap<(String, String), BTreeSet<String>> = BTreeMap::new();
    for s in sources {
        for (path, is_pub_use) in paths(&s.code) {
            let Some(to) = tree.resolve(&s.root, &s.module, &path) else {
                continue;
            };
            if to == s.rel {
                continue;
            }
            // A folder's `pub use child::X` is its façade, not a use.
            let to_module = sources
                .iter()
                .find(|x| x.rel == to)
                .map(|x| x.module.clone());
            let child_of_from = to_module
                .as_ref()
                .is_some_and(|m| m.len() == s.module.len() + 1 && m.starts_with(&s.module));
            if is_pub_use && child_of_from {
                continue;
            }
            edges
                .entry((s.rel.clone(), to))
                .or_default()
                .insert(path.join("::"));
        }
    }
    edges
}

/// Strongly connected components of more than one file (Tarjan).
fn circles(
    nodes: &[String],
    edges: &BTreeMap<(String, String), BTreeSet<String>>,
) -> Vec<Vec<String>> {
    let index_of: BTreeMap<&str, usize> = nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.as_str(), i))
        .collect();
    let mut adj = vec![Vec::new(); nodes.len()];
    for (from, to) in edges.keys() {
        if let (Some(&a), Some(&b)) = (index_of.get(from.as_str()), index_of.get(to.as_str())) {
            adj[a].push(b);
        }
    }
    struct T<'a> {
        adj: &'a [Vec<usize>],
        index: Vec<Option<usize>>,
        low: Vec<usize>,
        on: Vec<bool>,
        stack: Vec<usize>,
        next: usize,
        out: Vec<Vec<usize>>,
    }
    fn visit(t: &mut T, v: usize) {
        t.index[v] = Some(t.next);
        t.low[v] = t.next;
        t.next += 1;
        t.stack.push(v);
        t.on[v] = true;
        for k in 0..t.adj[v].len() {
            let w = t.adj[v][k];
            match t.index[w] {
                None => {
                    visit(t, w);
                    t.low[v] = t.low[v].min(t.low[w]);
                }
                Some(iw) if t.on[w] => t.low[v] = t.low[v].min(iw),
                _ => {}
            }
        }
        if Some(t.low[v]) == t.index[v] {
            let mut comp = Vec::new();
            while let Some(w) = t.stack.pop() {
                t.on[w] = false;
                comp.push(w);
                if w == v {
                    break;
                }
            }
            if comp.len() > 1 {
                t.out.push(comp);
            }
        }
    }
    let mut t = T {
        adj: &adj,
        index: vec![None; nodes.len()],
        low: vec![0; nodes.len()],
        on: vec![false; nodes.len()],
        stack: Vec::new(),
        next: 0,
        out: Vec::new(),
    };
    for v in 0..nodes.len() {
        if t.index[v].is_none() {
            visit(&mut t, v);
        }
    }
    t.out
        .into_iter()
        .map(|c| {
            let mut names: Vec<String> = c.into_iter().map(|i| nodes[i].clone()).collect();
            names.sort();
            names
        })
        .collect()
}

fn names(set: &BTreeSet<String>) -> String {
    let v: Vec<&str> = set.iter().map(String::as_str).take(4).collect();
    let more = set.len().saturating_sub(4);
    if more > 0 {
        format!("{} and {more} more", v.join(", "))
    } else {
        v.join(", ")
    }
}

#[test]
fn imports_only_go_down() {
    let (sources, tree) = load();
    assert!(
        sources.len() > 100,
        "found only {} Rust files: is the checker reading the repository?",
        sources.len()
    );
    let edges = edges(&sources, &tree);
    let mut problems = Vec::new();
    for ((from, to), what) in &edges {
        let (Some((lf, nf)), Some((lt, nt))) = (app_layer(from), app_layer(to)) else {
            if let Some(why) = core_rule(from, to) {
                problems.push(format!("{from} imports {to} ({}): {why}", names(what)));
            }
            if from.starts_with("src/") && app_layer(from).is_none() {
                problems.push(format!("{from} is in no layer: put it under src/state, src/components, src/pages, or the shell"));
            }
            continue;
        };
        if lt > lf {
            problems.push(format!(
                "{from} ({nf}) imports {to} ({nt}), a higher layer ({}): imports only go down (core < state < components < pages < shell)",
                names(what)
            ));
        }
    }
    let nodes: Vec<String> = sources.iter().map(|s| s.rel.clone()).collect();
    for circle in circles(&nodes, &edges) {
        let ties: Vec<String> = edges
            .iter()
            .filter(|((a, b), _)| circle.contains(a) && circle.contains(b))
            .map(|((a, b), what)| format!("    {a} -> {b}: {}", names(what)))
            .collect();
        problems.push(format!(
            "import circle of {} files:\n{}",
            circle.len(),
            ties.join("\n")
        ));
    }
    problems.sort();
    problems.dedup();
    assert!(
        problems.is_empty(),
        "the layer rule is broken ({} problems; see docs/ARCHITECTURE.md, \"Layers\"):\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn the_checker_sees_imports_and_circles() {
    // The parser: use trees, written-out paths, comments and strings.
    let code = strip(
        "use crate::a::{b, c::{d, e as f}};\n// use crate::nope;\nlet s = \"crate::nope\";\nlet x = super::g::h();\npub use self::k::L;",
    );
    let mut found: Vec<String> = paths(&code)
        .into_iter()
        .map(|(p, _)| p.join("::"))
        .collect();
    found.sort();
    assert_eq!(
        found,
        [
            "crate::a::b",
            "crate::a::c::d",
            "crate::a::c::e",
            "self::k::L",
            "super::g::h"
        ]
    );
    // A circle of three and one of two are found; a chain is not.
    let e = |a: &str, b: &str| {
        (
            (a.to_string(), b.to_string()),
            BTreeSet::from(["x".to_string()]),
        )
    };
    let nodes: Vec<String> = ["a", "b", "c", "d", "e", "f"].map(String::from).to_vec();
    let edges = BTreeMap::from([
        e("a", "b"),
        e("b", "c"),
        e("c", "a"),
        e("d", "e"),
        e("e", "d"),
        e("e", "f"),
    ]);
    let mut found = circles(&nodes, &edges);
    found.sort();
    assert_eq!(found, vec![vec!["a", "b", "c"], vec!["d", "e"]]);
    // Layers: a component naming a page is refused.
    assert!(
        app_layer("src/components/x.rs").unwrap().0 < app_layer("src/pages/y/mod.rs").unwrap().0
    );
}

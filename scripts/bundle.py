#!/usr/bin/env python3
"""Builds the release site into dist/ (see docs/ARCHITECTURE.md, "Build").

The app is one cargo build of two binaries, then:

1. the app's wasm is split by `wasm-split-cli` into a main module (what the
   overview needs) and chunks that load when a view first opens (the split
   points the program names with `split_chunks!` in src/main.rs); the
   participant page likewise (src/bin/participant.rs);
2. `wasm-bindgen` makes the JS glue of the main module and of the
   participant page (a separate small program for invite links);
3. `wasm-opt -Oz` shrinks every module;
4. everything goes into `dist/b/<build id>/`, the build id being a hash of
   all of it, so a new deployment never mixes with an old one;
5. `index.html` and `p/index.html` are written from their templates with
   the boot script, preloads and the CSP hash of that script; the service
   worker `sw.js` gets the build id and the list of files to keep offline;
   the web app manifest and its icons are written beside them.

Run it through scripts/build, which sets PATH to the pinned tools.
"""
import base64
import concurrent.futures
import hashlib
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TARGET = os.path.join(os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target")),
                      "wasm32-unknown-unknown", "release")
WORK = os.path.join(ROOT, "target", "bundle")
DIST = os.path.join(ROOT, "dist")
APP = "klantbankrekening"
PARTICIPANT = "participant"
# Every wasm module is built with these features, so wasm-opt is told.
WASM_FEATURES = ["--enable-bulk-memory", "--enable-nontrapping-float-to-int",
                 "--enable-sign-ext", "--enable-mutable-globals"]


def run(cmd, env=None):
    print("  $", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True, env=env)


def cargo_build():
    env = dict(os.environ)
    # Relocations let wasm-split-cli move functions and their data into
    # chunks; erase_components turns each component into one type-erased
    # function instead of a generic view tree (much smaller wasm).
    flags = ["-Clink-args=--emit-relocs", "--cfg", "erase_components"]
    extra = []
    # The standard library rebuilt to abort at once on a panic (the release
    # profile aborts anyway): no panic messages, locations or formatting
    # machinery for them in the wasm (about 9 % smaller), with its
    # size-optimised code paths (`optimize_for_size`), and `Debug`
    # formatting compiled to nothing (`fmt-debug=none`: no view may build
    # a key or a text from `{:?}`). Needs the rust-src component and the
    # stable compiler's bootstrap switch for the -Z flags; KBR_BUILD_STD=0
    # builds without.
    if os.environ.get("KBR_BUILD_STD", "1") == "1":
        env["RUSTC_BOOTSTRAP"] = "1"
        flags += ["-Zunstable-options", "-Cpanic=immediate-abort", "-Zlocation-detail=none",
                  "-Zfmt-debug=none"]
        extra = ["-Zbuild-std=std,panic_abort", "-Zbuild-std-features=optimize_for_size"]
    env["RUSTFLAGS"] = " ".join(flags + [os.environ.get("KBR_RUSTFLAGS", "")]).strip()
    # One build of both programs: the library is compiled once, and the two
    # link-time optimisations (single-threaded each) run side by side.
    run(["cargo", *extra, "build", "--release", "--locked", "--target", "wasm32-unknown-unknown",
         "--features", "split", "--bin", APP, "--bin", PARTICIPANT], env)


def bindgen(wasm, out_dir, name, keep_lld_exports=False):
    cmd = ["wasm-bindgen", "--target", "web", "--no-typescript", "--out-dir", out_dir,
           "--out-name", name]
    if keep_lld_exports:
        cmd += ["--keep-lld-exports"]
    run(cmd + [wasm])


def optimize(path):
    # A first-load module (the one wasm-bindgen wrote the glue for) is
    # optimised for its gzip size, what a phone downloads: -Os to a fixed
    # point gives ~1.3 KB less gzip than -Oz on the overview's module,
    # although its raw size is larger. Chunks keep -Oz.
    first_load = os.path.basename(path).endswith("_bg.wasm")
    level = ["-Os", "--converge"] if first_load else ["-Oz"]
    # Rust's wasm32 layout puts the shadow stack below 1 MiB (growing down
    # from it) and all data above it, so the lowest KiB of memory is never
    # read or written: wasm-opt may then fold constant offsets into loads
    # and stores (-0.6 KB gzip on each first-load module).
    level += ["--low-memory-unused"]
    done = subprocess.run(["wasm-opt", *level, *(["-g"] if os.environ.get("KBR_NAMES") else []), *WASM_FEATURES, path, "-o", path],
                          capture_output=True, text=True)
    # Chunks carry a name section wasm-opt does not know; it drops it.
    noise = "unknown name subsection"
    for line in (done.stdout + done.stderr).splitlines():
        if noise not in line:
            print(line)
    if done.returncode:
        sys.exit(f"wasm-opt failed on {path}")
    return path


def split_program(name, out):
    """Splits one program into `out`: its main module with the JS glue, its
    chunks and their loader (which imports the glue as `./<name>.js`)."""
    stage = os.path.join(WORK, "stage", name)
    os.makedirs(stage)
    os.makedirs(out)
    run(["wasm-split-cli", "--target", "web", "--out-name", name,
         os.path.join(TARGET, name + ".wasm"), stage])
    bindgen(os.path.join(stage, name + ".wasm"), out, name, keep_lld_exports=True)
    drop_stream_bindings(os.path.join(out, name + "_bg.wasm"), os.path.join(out, name + ".js"))
    for f in sorted(os.listdir(stage)):
        if f != name + ".wasm":
            shutil.copy(os.path.join(stage, f), os.path.join(out, f))
    return [os.path.join(out, f) for f in sorted(os.listdir(out)) if f.endswith(".wasm")]


def leb128(data, i):
    """An unsigned LEB128 number at `data[i]`, and the index after it."""
    n, shift = 0, 0
    while True:
        b = data[i]
        i += 1
        n |= (b & 0x7F) << shift
        shift += 7
        if b < 0x80:
            return n, i


def to_leb128(n):
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        out.append(b | (0x80 if n else 0))
        if not n:
            return bytes(out)


def strip_exports(path, drop):
    """Removes the exports whose names `drop` accepts from the wasm module
    at `path` (wasm-opt then removes the code only they reached)."""
    with open(path, "rb") as f:
        data = f.read()
    out, i, dropped = bytearray(data[:8]), 8, []
    while i < len(data):
        kind = data[i]
        size, body = leb128(data, i + 1)
        end = body + size
        if kind == 7:
            count, j = leb128(data, body)
            kept = []
            for _ in range(count):
                length, j = leb128(data, j)
                name = data[j:j + length].decode("utf-8")
                start = j
                j += length + 1  # the name, then the export's kind
                _, j = leb128(data, j)
                if drop(name):
                    dropped.append(name)
                else:
                    kept.append(to_leb128(length) + data[start:j])
            payload = to_leb128(len(kept)) + b"".join(kept)
            out += bytes([7]) + to_leb128(len(payload)) + payload
        else:
            out += data[i:end]
        i = end
    with open(path, "wb") as f:
        f.write(out)
    return dropped


def drop_stream_bindings(wasm, js):
    """Leptos 0.8 always links `server_fn`, which links `wasm-streams`,
    whose `IntoUnderlying{Source,ByteSource,Sink}` are `#[wasm_bindgen]`
    exports: ~10 KB of code kept alive by exports no page uses (this app
    has no server functions). They are removed from the module and from
    the JS glue; the build stops if the glue still names them after."""
    dropped = strip_exports(wasm, lambda n: n.startswith(("intounderlying", "__wbg_intounderlying")))
    with open(js, encoding="utf-8") as f:
        glue = f.read()
    glue = re.sub(r"export class (IntoUnderlying\w+) \{\n.*?\n\}\n"
                  r"if \(Symbol\.dispose\) \1\.prototype\[Symbol\.dispose\] = \1\.prototype\.free;\n",
                  "", glue, flags=re.S)
    glue = re.sub(r"const IntoUnderlying\w+Finalization = [^;]*;\n", "", glue)
    if dropped and re.search(r"(?i)intounderlying", glue):
        sys.exit(f"bundle: {js} still uses the stream bindings after removing them")
    with open(js, "w", encoding="utf-8") as f:
        f.write(glue)


def build_modules():
    """Both programs in a folder each, and the stylesheet beside them."""
    shutil.rmtree(WORK, ignore_errors=True)
    out = os.path.join(WORK, "out")
    wasm = split_program(APP, os.path.join(out, "app")) + \
        split_program(PARTICIPANT, os.path.join(out, "p"))
    # The biggest first, two at a time (a 2-core machine).
    wasm.sort(key=os.path.getsize, reverse=True)
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        list(pool.map(optimize, wasm))
    with open(os.path.join(ROOT, "style", "main.css"), encoding="utf-8") as f:
        css = f.read()
    # The app's first load gets the rules its first-load module (and the
    # page's own boot screen) can use; the whole stylesheet, full.css,
    # loads with the first view that loads later (src/lazy.rs).
    with open(os.path.join(out, "full.css"), "w", encoding="utf-8") as f:
        f.write(css)
    with open(os.path.join(ROOT, "index.html"), encoding="utf-8") as f:
        page = f.read()
    first = printable_file(os.path.join(out, "app", APP + "_bg.wasm")) + "\n" + printable_file(
        os.path.join(out, "app", APP + ".js")) + "\n" + page
    with open(os.path.join(out, "main.css"), "w", encoding="utf-8") as f:
        f.write(purge_css(css, first))
    # The participant page (a phone's first load) gets only the rules its
    # program can use.
    with open(os.path.join(ROOT, "participant.html"), encoding="utf-8") as f:
        text = printable(os.path.join(out, "p")) + f.read()
    with open(os.path.join(out, "p", "participant.css"), "w", encoding="utf-8") as f:
        f.write(purge_css(css, text))
    return out


def printable(folder):
    """Every printable run of bytes in the files of `folder` (class names
    live in the wasm's data as text)."""
    return "\n".join(printable_file(os.path.join(folder, n)) for n in sorted(os.listdir(folder)))


def printable_file(path):
    """Every printable run of bytes in the file at `path`."""
    with open(path, "rb") as f:
        return b"\n".join(re.findall(rb"[\x20-\x7e]{3,}", f.read())).decode("ascii")


def purge_css(css, text):
    """The rules of `css` the program in `text` can use: a selector stays
    when each of its class names occurs somewhere in the program's text
    (a conservative test: a class name inside another word is kept too).
    At-rules keep what their rules keep."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    out, i = [], 0
    while i < len(css):
        brace = css.find("{", i)
        if brace < 0:
            break
        head = css[i:brace].strip()
        depth, j = 1, brace + 1
        while depth and j < len(css):
            depth += {"{": 1, "}": -1}.get(css[j], 0)
            j += 1
        body = css[brace + 1:j - 1]
        i = j
        if head.startswith("@media") or head.startswith("@supports"):
            inner = purge_css(body, text)
            if inner.strip():
                out.append(f"{head}{{{inner}}}")
        elif head.startswith("@"):
            out.append(f"{head}{{{body}}}")
        else:
            keep = [s.strip() for s in head.split(",")
                    if all(c in text for c in re.findall(r"\.([A-Za-z0-9_-]+)", s))]
            if keep:
                out.append(f"{','.join(keep)}{{{body.strip()}}}")
    return "\n".join(out) + "\n"


def build_id(folder):
    h = hashlib.sha256()
    for base, _, names in sorted(os.walk(folder)):
        for n in sorted(names):
            path = os.path.join(base, n)
            h.update(os.path.relpath(path, folder).encode())
            with open(path, "rb") as fh:
                h.update(hashlib.sha256(fh.read()).digest())
    return h.hexdigest()[:12]


def csp_hash(script):
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def split_files(folder, split):
    """The wasm files the split point `split` loads (its own and the chunks
    it shares), read from the loader wasm-split-cli wrote into `folder`."""
    with open(os.path.join(folder, "__wasm_split.js"), encoding="utf-8") as f:
        js = f.read()
    chunks = dict(re.findall(r'const (__chunk_\d+) = makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\./([\w.]+)"', js))
    m = re.search(r'export const __wasm_split_load_' + split + r' = wrapAsyncCb\(makeLoad\(\(\) => \{\s*'
                  r'const src = fetch\(new URL\("\./([\w.]+)".*?\n, \[([^\]]*)\]\)\);', js, re.S)
    if not m:
        sys.exit(f"bundle: split point {split} not found in {folder}/__wasm_split.js")
    deps = [d.strip() for d in m.group(2).split(",") if d.strip()]
    return [m.group(1), *(chunks[d] for d in deps)]


def boot_script(prefix, name, preloads):
    """The inline module script that starts a program; `prefix` leads from
    the page to the build folder. `preloads` pairs a hash-route pattern with
    the chunk files its page needs: a link straight to such a page fetches
    them beside the first-load module instead of after it has started."""
    script = ""
    if preloads:
        table = json.dumps([[pattern, files] for pattern, files in preloads], separators=(",", ":"))
        script += (f"for(const[r,fs]of {table})if(new RegExp(r).test(location.hash)){{"
                   f"for(const f of fs){{const l=document.createElement('link');l.rel='preload';"
                   f"l.as='fetch';l.crossOrigin='anonymous';l.href='{prefix}'+f;document.head.append(l)}}break}}")
    return script + (f"import init from '{prefix}{name}.js';"
                     f"init({{module_or_path:new URL('{prefix}{name}_bg.wasm',import.meta.url)}});")


def sync_origin():
    """KBR_SYNC_ORIGIN: a team database on an origin of its own
    (https://sync.example.nl), added to connect-src and nothing else. Only a
    bare origin is accepted: no path, no wildcard, nothing the policy would
    read as more."""
    origin = os.environ.get("KBR_SYNC_ORIGIN", "").strip().rstrip("/")
    if not origin:
        return None
    if not re.fullmatch(r"https?://[a-z0-9.-]+(:[0-9]{1,5})?", origin):
        sys.exit(f"KBR_SYNC_ORIGIN={origin!r} is not a bare origin (https://host[:port])")
    return origin


def write_page(template, target, prefix, name, app_root, css, preloads=()):
    with open(os.path.join(ROOT, template), encoding="utf-8") as f:
        html = f.read()
    script = boot_script(prefix, name, preloads)
    head = "\n".join([
        f'    <link rel="stylesheet" href="{css}" />',
        f'    <link rel="modulepreload" href="{prefix}{name}.js" />',
        f'    <link rel="preload" href="{prefix}{name}_bg.wasm" as="fetch" type="application/wasm" crossorigin />',
        f'    <link rel="manifest" href="{app_root}manifest.webmanifest" />',
        f'    <link rel="apple-touch-icon" href="{app_root}icons/icon-192.png" />',
        f'    <script type="module">{script}</script>',
    ])
    if "<!-- BUILD -->" not in html or "INLINE_SCRIPT_HASHES" not in html:
        sys.exit(f"{template}: the <!-- BUILD --> marker or INLINE_SCRIPT_HASHES is missing")
    html = html.replace("    <!-- BUILD -->", head).replace("INLINE_SCRIPT_HASHES", csp_hash(script))
    origin = sync_origin()
    if origin:
        if "connect-src 'self';" not in html:
            sys.exit(f"{template}: no connect-src 'self' to add the sync origin to")
        html = html.replace("connect-src 'self';", f"connect-src 'self' {origin};")
    os.makedirs(os.path.dirname(target), exist_ok=True)
    with open(target, "w", encoding="utf-8") as f:
        f.write(html)


def png(size, maskable):
    """The app icon (the favicon's three lines on the brand colour) as a PNG,
    drawn here so no binary file lives in the repository."""
    brand, white = (0x15, 0x5E, 0x63), (0xFF, 0xFF, 0xFF)
    radius = 0 if maskable else size * 3 // 16
    # Lines as in the favicon's 16-unit box; maskable icons keep them in
    # the safe zone (the inner 80 %).
    scale = size / 16 * (0.7 if maskable else 1.0)
    offset = (size - 16 * scale) / 2
    lines = [(4, 11, 12), (5, 8, 11), (6, 5, 10)]
    half = 0.8 * scale
    rows = []
    for y in range(size):
        row = bytearray([0])
        for x in range(size):
            # Rounded corners: transparent outside the radius.
            cx = min(x, size - 1 - x)
            cy = min(y, size - 1 - y)
            if radius and cx < radius and cy < radius and (radius - cx) ** 2 + (radius - cy) ** 2 > radius ** 2:
                row += bytes([0, 0, 0, 0])
                continue
            colour = brand
            ux, uy = (x + 0.5 - offset) / scale, (y + 0.5 - offset) / scale
            for (x0, yl, x1) in lines:
                if x0 <= ux <= x1 and abs(uy - yl) * scale <= half:
                    colour = white
            row += bytes([*colour, 255])
        rows.append(bytes(row))
    raw = zlib.compress(b"".join(rows), 9)

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")


def write_manifest():
    icons = os.path.join(DIST, "icons")
    os.makedirs(icons, exist_ok=True)
    entries = []
    for size, maskable in [(192, False), (512, False), (512, True)]:
        name = f"icon-{size}{'-maskable' if maskable else ''}.png"
        with open(os.path.join(icons, name), "wb") as f:
            f.write(png(size, maskable))
        entries.append({"src": f"icons/{name}", "sizes": f"{size}x{size}", "type": "image/png",
                        "purpose": "maskable" if maskable else "any"})
    manifest = {
        "name": "Klantbankrekening",
        "short_name": "Klantbank",
        "description": "Houd per klantrelatie de rekening van vertrouwen bij.",
        "lang": "nl",
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "background_color": "#f6f4ef",
        "theme_color": "#155e63",
        "icons": entries,
    }
    with open(os.path.join(DIST, "manifest.webmanifest"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, ensure_ascii=False, indent=1)


def write_worker(build, folder, prefix, files):
    """The service worker of the page in `folder` (relative to dist/),
    keeping `files` (relative to dist/) under caches named `prefix`+build."""
    here = os.path.join(DIST, folder)
    page = f"{folder}/index.html" if folder else "index.html"
    # The page by its folder URL, as it is opened.
    rel = sorted("./" if f == page else os.path.relpath(os.path.join(DIST, f), here).replace(os.sep, "/")
                 for f in files)
    with open(os.path.join(ROOT, "static", "sw.js"), encoding="utf-8") as f:
        worker = f.read()
    worker = (worker.replace("__BUILD__", build).replace("__PREFIX__", prefix)
              .replace("__FILES__", json.dumps(rel)))
    with open(os.path.join(here, "sw.js"), "w", encoding="utf-8") as f:
        f.write(worker)


def dist_files():
    out = []
    for base, _, names in os.walk(DIST):
        for n in names:
            out.append(os.path.relpath(os.path.join(base, n), DIST).replace(os.sep, "/"))
    return sorted(out)


def main():
    cargo_build()
    out = build_modules()
    build = build_id(out)
    shutil.rmtree(DIST, ignore_errors=True)
    folder = os.path.join(DIST, "b", build)
    shutil.copytree(out, folder)
    app = os.path.join(folder, "app")
    # Routes as in kbr_core::route: the workshop screens have their own
    # chunk, every other page but the overview and an invite (which moves
    # to the participant page) comes with the rest of the app (src/routes.rs).
    preloads = [(r"^#/(workshops?|worksheet)(/|$)", split_files(app, "workshop_page")),
                (r"^#/(?!i/)[a-z]", split_files(app, "work"))]
    write_page("index.html", os.path.join(DIST, "index.html"), f"./b/{build}/app/", APP, "./",
               f"./b/{build}/main.css", preloads)
    write_page("participant.html", os.path.join(DIST, "p", "index.html"), f"../b/{build}/p/",
               PARTICIPANT, "../", f"../b/{build}/p/participant.css")
    write_manifest()
    files = dist_files()
    shared = [f for f in files if f.startswith("icons/") or f == "manifest.webmanifest"]
    # The app keeps its page and its build; the participant page (a phone
    # in a workshop) only its own, not the whole app.
    write_worker(build, "", "kbr-app-", ["index.html", f"b/{build}/main.css", f"b/{build}/full.css", *shared,
                                         *(f for f in files if f.startswith(f"b/{build}/app/"))])
    write_worker(build, "p", "kbr-p-", ["p/index.html", *shared,
                                        *(f for f in files if f.startswith(f"b/{build}/p/"))])
    print(f"bundle: build {build} written to {DIST}")


if __name__ == "__main__":
    main()

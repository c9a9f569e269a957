#!/usr/bin/env python3
"""Trunk post_build hook: put the sha256 of every inline <script> into the CSP.

index.html carries the placeholder INLINE_SCRIPT_HASHES inside its
Content-Security-Policy. Trunk injects one inline module script that boots the
wasm; its text changes with every build (hashed file names), so the hash is
computed here instead of being written by hand. No 'unsafe-inline' is needed.
"""
import base64
import hashlib
import os
import re
import sys

PLACEHOLDER = "INLINE_SCRIPT_HASHES"


def main() -> int:
    staging = os.environ.get("TRUNK_STAGING_DIR") or (sys.argv[1] if len(sys.argv) > 1 else "dist")
    path = os.path.join(staging, "index.html")
    with open(path, encoding="utf-8") as f:
        html = f.read()
    if PLACEHOLDER not in html:
        print(f"csp_hash: no {PLACEHOLDER} placeholder in {path}", file=sys.stderr)
        return 1
    bodies = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, flags=re.S)
    hashes = []
    for body in bodies:
        digest = hashlib.sha256(body.encode("utf-8")).digest()
        hashes.append("'sha256-" + base64.b64encode(digest).decode("ascii") + "'")
    html = html.replace(PLACEHOLDER, " ".join(hashes))
    with open(path, "w", encoding="utf-8") as f:
        f.write(html)
    print(f"csp_hash: {len(hashes)} inline script hash(es) written into the CSP")
    return 0


if __name__ == "__main__":
    sys.exit(main())

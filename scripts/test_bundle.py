"""Checks of scripts/bundle.py that need no build: the separate sync
origin (KBR_SYNC_ORIGIN) adds exactly that origin to the pages'
connect-src, and refuses anything that is not a bare origin.
Run by scripts/test: python3 -m unittest scripts/test_bundle.py"""

import importlib.util
import os
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("bundle", os.path.join(HERE, "bundle.py"))
bundle = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bundle)


def page(origin):
    """index.html as the build writes it, with KBR_SYNC_ORIGIN = origin."""
    if origin is None:
        os.environ.pop("KBR_SYNC_ORIGIN", None)
    else:
        os.environ["KBR_SYNC_ORIGIN"] = origin
    with tempfile.TemporaryDirectory() as d:
        target = os.path.join(d, "index.html")
        bundle.write_page("index.html", target, "b/x/app/", "app", "./", "b/x/full.css")
        with open(target, encoding="utf-8") as f:
            return f.read()


class SyncOrigin(unittest.TestCase):
    def tearDown(self):
        os.environ.pop("KBR_SYNC_ORIGIN", None)

    def test_without_it_the_page_connects_to_itself_only(self):
        self.assertIn("connect-src 'self';", page(None))

    def test_a_bare_origin_is_added_and_nothing_else_changes(self):
        plain, with_origin = page(None), page("https://sync.example.nl/")
        self.assertIn("connect-src 'self' https://sync.example.nl;", with_origin)
        self.assertEqual(with_origin.replace(" https://sync.example.nl", "", 1), plain)

    def test_anything_but_a_bare_origin_is_refused(self):
        for bad in ["https://sync.example.nl/couch", "*", "https://*.example.nl",
                    "https://a.nl https://b.nl", "https://a.nl; script-src *", "javascript:x",
                    "sync.example.nl"]:
            with self.subTest(bad=bad), self.assertRaises(SystemExit):
                page(bad)


if __name__ == "__main__":
    unittest.main()

"""LibreOffice conversion is contained: no network, own profile, group kill, lock, no litter.

LibreOffice itself is usually absent here, so a stand-in "soffice" (a Python script written
by the test) plays a hostile converter: it fetches every http:// URL in its input, bypassing
any proxy setting, and can linger with a child process.  The real LibreOffice is used by
the last test when it is installed.
"""
import http.server
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time

import pytest
from lxml import etree

import reviewer.core.loaders as loaders
from reviewer.core.document import DocumentError
from reviewer.core.loaders import legacy as convert

pytestmark = pytest.mark.skipif(os.name != "posix", reason="the stand-in converter is a POSIX script")

FAKE = r'''#!{python}
import os, re, shutil, subprocess, sys, time, urllib.request
args = sys.argv[1:]
out = args[args.index("--outdir") + 1]
src = args[-1]
log = open(os.environ["FAKE_LOG"], "a")
log.write("run %s\n" % time.time()); log.flush()
data = open(src, "rb").read().decode("latin-1")
opener = urllib.request.build_opener(urllib.request.ProxyHandler({{}}))  # a hostile converter ignores proxies
for url in re.findall(r"http://[^\"' >)]+", data):
    try:
        opener.open(url, timeout=2).read()
        log.write("fetched %s\n" % url)
    except Exception as e:
        log.write("failed %s %s\n" % (url, type(e).__name__))
    log.flush()
if os.environ.get("FAKE_SLEEP"):
    child = subprocess.Popen(["sleep", "60"])
    log.write("child %d\n" % child.pid); log.flush()
    time.sleep(float(os.environ["FAKE_SLEEP"]))
shutil.copy(os.environ["FAKE_DOCX"], os.path.join(out, "draft.docx"))
log.write("end %s\n" % time.time()); log.flush()
'''


class Server:
    """An HTTP server on 127.0.0.1 (random port) that counts requests and stops itself."""

    def __init__(self, lifetime=60):
        self.hits = []
        hits = self.hits

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                hits.append(self.path)
                self.send_response(200)
                self.end_headers()
                self.wfile.write(b"body{}")

            def log_message(self, *a):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.timeout = 1
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
        self.thread.start()
        self.timer = threading.Timer(lifetime, self.stop)
        self.timer.daemon = True
        self.timer.start()

    def stop(self):
        self.timer.cancel()
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server():
    s = Server()
    yield s
    s.stop()


@pytest.fixture
def fake(tmp_path, monkeypatch):
    """The stand-in soffice, a private temp folder and cache folder for the conversion."""
    import docx

    exe = tmp_path / "fake_soffice"
    exe.write_text(FAKE.format(python=sys.executable), encoding="utf-8")
    exe.chmod(0o755)
    out = tmp_path / "converted.docx"
    d = docx.Document()
    d.add_paragraph("转换后的正文")
    d.save(out)
    log = tmp_path / "fake.log"
    log.write_text("", encoding="utf-8")
    tmpdir = tmp_path / "tmp"
    tmpdir.mkdir()
    monkeypatch.setenv("FAKE_LOG", str(log))
    monkeypatch.setenv("FAKE_DOCX", str(out))
    monkeypatch.setenv("REVIEWER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(tempfile, "tempdir", str(tmpdir))
    monkeypatch.setattr(loaders, "soffice", lambda: str(exe))
    monkeypatch.setattr(convert, "_sandbox_cache", None)
    return {"exe": str(exe), "log": log, "tmp": tmpdir}


def _html_doc(tmp_path, port, name="web.doc"):
    html = (f'<html><head><link rel="stylesheet" href="http://127.0.0.1:{port}/s.css">'
            f'<style>body{{background:url(http://127.0.0.1:{port}/bg.png)}}</style></head>'
            f'<body><p>正文</p><img src="http://127.0.0.1:{port}/a.png"></body></html>')
    path = tmp_path / name
    path.write_text(html, encoding="utf-8")
    return path


def test_control_the_stand_in_does_reach_the_server(fake, server, tmp_path):
    """Without the sandbox the stand-in really fetches: the other tests are meaningful."""
    src = _html_doc(tmp_path, server.port)
    outdir = tmp_path / "out"
    outdir.mkdir()
    subprocess.run([fake["exe"], "--outdir", str(outdir), str(src)], timeout=30, check=True)
    assert len(server.hits) == 3


def test_html_doc_in_network_namespace_sends_nothing(fake, server, tmp_path, monkeypatch):
    monkeypatch.delenv("REVIEWER_NO_NETNS", raising=False)
    if not convert.sandbox_prefix():
        pytest.skip("no network namespace on this system (unshare -n / -rn unavailable)")
    doc = loaders.load(_html_doc(tmp_path, server.port))
    assert doc.text == "转换后的正文" and doc.kind == "doc"
    log = fake["log"].read_text(encoding="utf-8")
    assert "run" in log and "failed" in log and "fetched" not in log
    assert server.hits == []
    assert list(fake["tmp"].iterdir()) == []  # the conversion folder is gone


def test_without_sandbox_remote_references_are_refused(fake, server, tmp_path, monkeypatch):
    monkeypatch.setenv("REVIEWER_NO_NETNS", "1")
    path = _html_doc(tmp_path, server.port, name="远程图片.doc")
    with pytest.raises(DocumentError) as err:
        loaders.load(path)
    msg = str(err.value)
    assert "远程图片.doc" in msg and "网络" in msg and "\n" not in msg
    assert fake["log"].read_text(encoding="utf-8") == ""  # LibreOffice never started
    assert server.hits == []
    assert list(fake["tmp"].iterdir()) == []


def test_without_sandbox_harmless_html_is_converted(fake, tmp_path, monkeypatch):
    monkeypatch.setenv("REVIEWER_NO_NETNS", "1")
    path = tmp_path / "plain.doc"
    path.write_text('<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN" "http://www.w3.org/TR/xhtml1/DTD/x.dtd">'
                    '<html xmlns="http://www.w3.org/1999/xhtml"><body><a href="http://example.com/">链接</a>'
                    '<img src="images/a.png"><img src="data:image/png;base64,AAAA"></body></html>', encoding="utf-8")
    assert loaders.load(path).text == "转换后的正文"


@pytest.mark.parametrize("content,kind", [
    (b'<img src="https://evil.example/a.png">', "remote"),
    (b'<img src = //evil.example/a.png>', "remote"),
    (b'<IMG SRC="&#104;ttp://evil.example/a.png">', "remote"),
    (b'<div style="background-image: url( \'http://evil.example/b.png\' )">', "remote"),
    (b'<style>@import "http://evil.example/s.css";</style>', "remote"),
    (b'<meta http-equiv="refresh" content="0; url=http://evil.example/">', "remote"),
    (b'<img srcset="a.png 1x, http://evil.example/b.png 2x">', "remote"),
    (b'<img src="\\\\evil.example\\share\\a.png">', "remote"),
    (b'<img src="file://evil.example/share/a.png">', "remote"),
    (b'{\\rtf1{\\field{\\*\\fldinst INCLUDEPICTURE "http://evil.example/a.png" \\\\d}}}', "remote"),
    (b'{\\rtf1{\\field{\\*\\fldinst INCLUDETEXT "/etc/passwd"}}}', "local"),
    ("INCLUDEPICTURE \\d \"http://evil.example/a.png\"".encode("utf-16-le"), "remote"),
    (b'<img src="file:///etc/passwd">', "local"),
    (b'<img src="../../../../../../../../etc/passwd">', "local"),
    (b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/hostname">]><d>&x;</d>', "entity"),
    (b'MIME-Version: 1.0\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n'
     b'<img src=3D"http://evil.ex=\r\nample/a.png">', "remote"),
])
def test_external_references_found(tmp_path, content, kind):
    if isinstance(content, str):
        content = content.encode("utf-8")
    if content.startswith("INCLUDE".encode("utf-16-le")):
        content = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64 + content
    found = convert.external_reference(content, tmp_path, network_ok=False)
    assert found is not None and found[0] == kind, found
    if kind == "remote":
        assert convert.external_reference(content, tmp_path, network_ok=True) is None


@pytest.mark.parametrize("content", [
    b'<a href="http://example.com/">x</a><area href="https://example.com/">',
    b'<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns="http://www.w3.org/TR/REC-html40">',
    b'<img src="clip_image002.jpg"><img src="file:///C:/DOCUME~1/x/clip_image002.jpg">',
    b'<form action="http://example.com/search"><p>text http://example.com in prose</p></form>',
    b'{\\rtf1{\\field{\\*\\fldinst HYPERLINK "http://example.com/"}{\\fldrslt link}}}',
])
def test_harmless_references_pass(tmp_path, content):
    assert convert.external_reference(content, tmp_path, network_ok=False) is None


def test_command_profile_and_environment(tmp_path):
    profile = convert.make_profile(tmp_path)
    src = tmp_path / "draft.doc"
    cmd = convert.command("/usr/bin/soffice", profile, tmp_path, src, ["/usr/bin/unshare", "-rn"])
    assert cmd[:3] == ["/usr/bin/unshare", "-rn", "/usr/bin/soffice"]
    assert f"-env:UserInstallation={profile.as_uri()}" in cmd and "--headless" in cmd
    assert cmd[cmd.index("--outdir") + 1] == str(tmp_path) and cmd[-1] == str(src)
    root = etree.parse(str(profile / "user" / "registrymodifications.xcu")).getroot()
    props = {(i.get("{http://openoffice.org/2001/registry}path").rsplit("/", 1)[-1],
              i[0].get("{http://openoffice.org/2001/registry}name")): i[0][0].text for i in root}
    assert props[("Scripting", "MacroSecurityLevel")] == "3"
    assert props[("Scripting", "BlockUntrustedRefererLinks")] == "true"
    assert props[("Settings", "ooInetHTTPProxyName")] == "127.0.0.1"
    env = convert.child_env(tmp_path)
    assert env["http_proxy"].startswith("http://127.0.0.1:") and env["TMPDIR"] == str(tmp_path)
    assert "no_proxy" not in env


def test_timeout_kills_the_whole_group_and_leaves_nothing(fake, tmp_path, monkeypatch):
    monkeypatch.setenv("FAKE_SLEEP", "60")
    monkeypatch.setattr(convert, "TIMEOUT", 2)
    path = tmp_path / "slow.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    started = time.monotonic()
    with pytest.raises(DocumentError, match="超时") as err:
        loaders.load(path)
    assert "slow.doc" in str(err.value) and time.monotonic() - started < 20
    child = int(next(line.split()[1] for line in fake["log"].read_text().splitlines() if line.startswith("child")))
    for _ in range(50):
        try:
            os.kill(child, 0)
            with open(f"/proc/{child}/stat") as fh:
                if fh.read().split(")")[-1].split()[0] == "Z":
                    break
        except (ProcessLookupError, FileNotFoundError):
            break
        time.sleep(0.1)
    else:
        pytest.fail("the converter's child process survived the timeout")
    assert list(fake["tmp"].iterdir()) == []


def test_parallel_conversions_queue(fake, tmp_path, monkeypatch):
    monkeypatch.setenv("FAKE_SLEEP", "0.5")
    monkeypatch.setenv("REVIEWER_NO_NETNS", "1")
    paths = []
    for i in range(3):
        p = tmp_path / f"d{i}.doc"
        p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes([i]) * 512)
        paths.append(p)
    errors = []

    def work(p):
        try:
            loaders.load(p)
        except Exception as e:  # noqa: BLE001 - collected for the assertion
            errors.append(e)

    threads = [threading.Thread(target=work, args=(p,)) for p in paths]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors
    runs = [float(line.split()[1]) for line in fake["log"].read_text().splitlines() if line.startswith("run")]
    ends = [float(line.split()[1]) for line in fake["log"].read_text().splitlines() if line.startswith("end")]
    spans = sorted(zip(sorted(runs), sorted(ends)))
    assert len(spans) == 3
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(spans, spans[1:])), spans
    assert list(fake["tmp"].iterdir()) == []


def test_stale_conversion_folders_are_removed(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    old = tmp_path / (convert.TMP_PREFIX + "old1")
    (old / "profile").mkdir(parents=True)
    (old / "draft.doc").write_bytes(b"x")
    os.utime(old, (time.time() - 7200, time.time() - 7200))
    fresh = tmp_path / (convert.TMP_PREFIX + "new1")
    fresh.mkdir()
    other = tmp_path / "someone-else"
    other.mkdir()
    os.utime(other, (time.time() - 7200, time.time() - 7200))
    assert convert.clean_stale() == 1
    assert not old.exists() and fresh.exists() and other.exists()


def test_real_libreoffice_html_doc_sends_nothing(tmp_path, server, monkeypatch):
    if not (shutil.which("soffice") or shutil.which("libreoffice")):
        pytest.skip("LibreOffice is not installed")
    monkeypatch.setenv("REVIEWER_CACHE_DIR", str(tmp_path / "cache"))
    path = _html_doc(tmp_path, server.port)
    try:
        doc = loaders.load(path)
        assert "正文" in doc.text
    except DocumentError as e:  # refused (no sandbox) is also fine: nothing may be fetched
        assert "web.doc" in str(e)
    assert server.hits == []

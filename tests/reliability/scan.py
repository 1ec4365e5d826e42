"""`make reliability`, the scanner half: sqlmap and wapiti against a signed-in Portfolio on loopback.

    .venv/bin/python -m tests.reliability.scan [--output build/reliability]

A fresh SQLite instance in a temporary folder (migrated, demo data, an administrator) is served by
gunicorn on 127.0.0.1 (the helpers of tests/perf/bench_pages.py). Debian's sqlmap tests the
parameters of the list pages (names read from their filter forms and links), a few create forms
(with a fresh CSRF token per request) and the JSON API (bearer token, parameters from the OpenAPI
document); wapiti crawls the site from / with the session cookie. Neither tool ever requests
/logout, and the session is checked to be still signed in after each tool, so a scan cannot quietly
run logged out. Findings are counted into <output>/scanners.json; logs go to <output>/sqlmap and
<output>/wapiti. Exits non-zero when a tool could not run; the findings are judged by
tests/reliability/report.py.
"""

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from datetime import date, timedelta
from html.parser import HTMLParser
from pathlib import Path

from tests.perf.bench_pages import BIN, EMAIL, PASSWORD, ROOT, _env, gunicorn, session_cookie

# The scan sends thousands of API requests a minute; the per-token limit would answer them with 429.
SCAN_CONFIG = {"PORTFOLIO_SECRET_KEY": "scan", "PORTFOLIO_API_RATE_LIMIT": "1000000"}

LIST_PAGES = (
    "/applications/", "/suppliers/", "/security/measures/", "/audit/", "/procurements/",
    "/privacy/processing/", "/privacy/breaches/", "/privacy/agreements/", "/budget/", "/budget/lines",
    "/security/statement",
)
CREATE_FORMS = ("/suppliers/new", "/applications/new", "/security/measures/new", "/privacy/breaches/new")
API_LISTS = ("/api/v1/applications", "/api/v1/suppliers", "/api/v1/measures", "/api/v1/audit-log")
API_CREATE = ("/api/v1/suppliers", {"name": "Scan", "website": "https://example.org", "contact": "a", "notes": "a"})
SQLMAP_OPTIONS = ["--batch", "--level", "2", "--risk", "1", "--dbms", "SQLite",
                  "--drop-set-cookie", "--flush-session", "--disable-coloring", "--timeout", "30"]
# Attack modules; http_headers and cookieflags are left out: they judge the reverse proxy's headers
# (HSTS) and the flags of the cookie we hand wapiti ourselves, not the application.
WAPITI_MODULES = "sql,blindsql,xss,permanentxss,exec,file,redirect,crlf,csrf,csp,backup,htaccess"
WAPITI_SECONDS = 240  # for the crawl
WAPITI_MODULE_SECONDS = 45  # for each attack module
THREADS = ["--threads", "2"]  # sqlmap refuses threads together with --csrf-url, so only for the GET targets
SQLMAP_FINDING = re.compile(
    r"parameter '[^']+' (?:is|appears to be) '[^']+' injectable"
    r"|sqlmap identified the following injection point"
    r"|might be vulnerable to (?:cross-site scripting|file inclusion)"
    r"|might be injectable"
)
SQLMAP_HTTP_ERROR = re.compile(r"^(5\d\d) \([^)]*\) - (\d+) times", re.MULTILINE)


class FormParser(HTMLParser):
    """Every <form> of a page with its fields, and the query strings of its links."""

    def __init__(self):
        super().__init__()
        self.forms, self.links, self._select = [], [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append({"method": (attrs.get("method") or "get").lower(), "action": attrs.get("action") or "",
                               "fields": {}})
        elif tag == "a" and "?" in (attrs.get("href") or ""):
            self.links.append(attrs["href"])
        elif self.forms and attrs.get("name") and not attrs.get("disabled"):
            self._field(tag, attrs)
        elif tag == "option" and self._select:
            self._option(attrs)

    def _field(self, tag, attrs):
        fields, name = self.forms[-1]["fields"], attrs["name"]
        if tag == "select":
            self._select = {"name": name, "first": None}
            fields.setdefault(name, "")
        elif tag == "textarea":
            fields[name] = ""
        elif tag == "input" and attrs.get("type") not in ("submit", "button", "file", "reset"):
            if attrs.get("type") in ("checkbox", "radio") and name in fields:
                return
            fields[name] = attrs.get("value") or ""
            self.forms[-1].setdefault("types", {})[name] = attrs.get("type", "text")

    def _option(self, attrs):
        value, form = attrs.get("value") or "", self.forms[-1]
        if self._select["first"] is None or "selected" in attrs:
            self._select["first"] = value
        if value:
            form.setdefault("choices", {}).setdefault(self._select["name"], value)

    def handle_endtag(self, tag):
        if tag == "select" and self._select:
            self.forms[-1]["fields"][self._select["name"]] = self._select["first"] or ""
            self._select = None


def parse(html):
    parser = FormParser()
    parser.feed(html)
    return parser


def fetch(base, path, *, cookie=None, token=None, data=None):
    """The body of one request (urllib follows redirects); raises HTTPError on a 4xx/5xx."""
    headers = {"Cookie": cookie} if cookie else {}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(base + path, data=data, headers=headers)
    with urllib.request.urlopen(request, timeout=60) as response:  # nosec B310 (loopback URL we built)
        return response.read().decode()


def prepare_instance(folder):
    """Migrate a fresh SQLite database, load the demo data and create the scanning administrator."""
    environment = {**SCAN_CONFIG, "PORTFOLIO_DATABASE_URL": f"sqlite:///{folder}/scan.sqlite3"}
    flask = [str(BIN / "flask"), "--app", "portfolio"]
    quiet = {"check": True, "env": _env(environment), "cwd": ROOT, "stdout": subprocess.DEVNULL}
    subprocess.run(flask + ["db", "upgrade"], **quiet)
    subprocess.run(flask + ["demo", "load"], **quiet)
    subprocess.run(flask + ["users", "create", EMAIL, "--name", "Scan", "--role", "admin", "--password-stdin"],
                   input=PASSWORD + "\n", text=True, **quiet)
    return environment


def create_api_token(base, cookie):
    """A write token made through /account/tokens as a person would; returns its secret."""
    page = parse(fetch(base, "/account/tokens/", cookie=cookie))
    form = next(form for form in page.forms if "name" in form["fields"] and "scope" in form["fields"])
    fields = {**form["fields"], "name": "scan", "scope": "write",
              "expires_on": (date.today() + timedelta(days=7)).isoformat()}
    answer = fetch(base, "/account/tokens/", cookie=cookie, data=urllib.parse.urlencode(fields).encode())
    return re.search(r'id="new-token">([^<]+)<', answer).group(1)


def still_signed_in(base, cookie):
    """True when the cookie still opens the dashboard rather than the login page."""
    request = urllib.request.Request(base + "/", headers={"Cookie": cookie})
    with urllib.request.urlopen(request, timeout=30) as response:  # nosec B310 (loopback URL we built)
        return "/login" not in response.url


def sample(form, name, value):
    """A value the form accepts, so that a payload reaches the code behind the validation."""
    if value:
        return value
    if name in form.get("choices", {}):
        return form["choices"][name]
    kind = form.get("types", {}).get(name)
    return {"number": "1", "date": date.today().isoformat(), "email": "scan@example.org",
            "url": "https://example.org"}.get(kind, "Scan a")


def list_page_targets(base, cookie):
    """One sqlmap target per list page: every filter field and every link parameter of the page."""
    targets = []
    for path in LIST_PAGES:
        page = parse(fetch(base, path, cookie=cookie))
        parameters = {}
        for form in page.forms:
            if form["method"] == "get":
                parameters.update(form["fields"])
        for link in page.links:
            target = urllib.parse.urlsplit(link)
            if target.path in ("", path):
                for name, value in urllib.parse.parse_qsl(target.query):
                    parameters.setdefault(name, value)
        if parameters:
            parameters.update({name: "a" for name in ("q",) if name in parameters})
            query = urllib.parse.urlencode(parameters)
            targets.append({"name": f"GET {path}", "args": ["-u", f"{base}{path}?{query}", "--cookie", cookie, *THREADS]})
    return targets


def form_targets(base, cookie):
    """One sqlmap target per create form, POSTed with a fresh CSRF token fetched from the form page."""
    targets = []
    for path in CREATE_FORMS:
        form = next(form for form in parse(fetch(base, path, cookie=cookie)).forms
                    if form["method"] == "post" and "csrf_token" in form["fields"] and len(form["fields"]) > 2)
        fields = {name: sample(form, name, value) for name, value in form["fields"].items()}
        action = urllib.parse.urljoin(base + path, form["action"] or path)
        targets.append({"name": f"POST {path}", "args": [
            "-u", action, "--data", urllib.parse.urlencode(fields), "--cookie", cookie,
            "--csrf-token", "csrf_token", "--csrf-url", base + path]})
    return targets


def api_targets(base, token):
    """The API's list operations with every query parameter of the OpenAPI document, and one create."""
    spec = json.loads(fetch(base, "/api/v1/openapi.json", token=token))
    header = ["--headers", f"Authorization: Bearer {token}"]
    targets = []
    for path in API_LISTS:
        operation = spec["paths"][path]["get"]
        parameters = {item["name"]: _api_sample(item.get("schema", {}), spec) for item in operation.get("parameters", [])
                      if item.get("in") == "query"}
        query = urllib.parse.urlencode(parameters)
        targets.append({"name": f"GET {path}", "args": ["-u", f"{base}{path}?{query}", *header, *THREADS]})
    path, body = API_CREATE
    targets.append({"name": f"POST {path}", "args": [
        "-u", base + path, "--data", json.dumps(body),
        "--headers", f"Authorization: Bearer {token}\nContent-Type: application/json", *THREADS]})
    return targets


def _api_sample(schema, spec):
    """A valid value for a query parameter: its default, else the first of an enum, else by type."""
    if schema.get("default") is not None:
        return json.dumps(schema["default"]).strip('"')
    for option in schema.get("anyOf", [schema]):
        if "$ref" in option:
            option = spec["components"]["schemas"][option["$ref"].rsplit("/", 1)[1]]
        if "enum" in option:
            return option["enum"][0]
        if option.get("type") == "integer":
            return str(max(1, option.get("minimum", 1)))
        if option.get("format") == "date":
            return date.today().isoformat()
    return "a"


def run_sqlmap(target, folder, logs):
    """Run sqlmap on one target; returns its findings (lines) and the 5xx answers it reported."""
    started = time.perf_counter()
    command = ["sqlmap", *target["args"], *SQLMAP_OPTIONS, "--output-dir", str(folder)]
    result = subprocess.run(command, capture_output=True, text=True, stdin=subprocess.DEVNULL,
                            env=_env({"TERM": "dumb"}))
    output = result.stdout + result.stderr
    log = logs / (re.sub(r"[^a-z0-9]+", "-", target["name"].lower()).strip("-") + ".log")
    log.write_text(output)
    if result.returncode != 0 or "all tested parameters do not appear to be injectable" not in output \
            and not SQLMAP_FINDING.search(output):
        raise RuntimeError(f"sqlmap did not finish on {target['name']} (exit {result.returncode}); see {log}")
    findings = [line.strip() for line in output.splitlines() if SQLMAP_FINDING.search(line)]
    errors = sum(int(count) for _code, count in SQLMAP_HTTP_ERROR.findall(output))
    tested = sorted(set(re.findall(r"testing for SQL injection on (.+? parameter '[^']+')", output))
                    | set(re.findall(r"testing if (.+? parameter '[^']+') is dynamic", output)))
    return {"target": target["name"], "seconds": round(time.perf_counter() - started), "parameters": tested,
            "findings": findings, "server errors": errors, "log": str(log)}


def run_wapiti(base, cookie, folder, logs):
    """Crawl and attack from / with the session cookie; returns the findings of the JSON report."""
    host = urllib.parse.urlsplit(base).hostname
    jar = {host: {"/": {name: {"value": value, "version": 0, "secure": False, "expires": None, "port": None}
                        for name, value in (part.split("=", 1) for part in cookie.split("; "))}}}
    (folder / "cookies.json").write_text(json.dumps(jar))
    report = logs / "report.json"
    command = ["/usr/bin/python3", str(Path(__file__).with_name("wapiti_launcher.py")), "-u", base + "/", "--scope", "folder", "-c", str(folder / "cookies.json"),
               "-x", base + "/logout", "-m", WAPITI_MODULES, "--max-scan-time", str(WAPITI_SECONDS),
               "--max-attack-time", str(WAPITI_MODULE_SECONDS), "--max-links-per-page", "40", "--max-files-per-dir", "30",
               "-d", "3", "--flush-session", "--store-session", str(folder / "session"),
               "-f", "json", "-o", str(report), "--no-bugreport", "-v", "1"]
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    (logs / "wapiti.log").write_text(result.stdout + result.stderr)
    if result.returncode != 0 or not report.exists():
        raise RuntimeError(f"wapiti failed (exit {result.returncode}); see {logs / 'wapiti.log'}")
    data = json.loads(report.read_text())
    findings = [{"kind": kind, "category": category, "path": item.get("path"), "parameter": item.get("parameter"),
                 "info": item.get("info")}
                for kind in ("vulnerabilities", "anomalies")
                for category, items in data.get(kind, {}).items() for item in items]
    found = re.search(r"Wapiti found (\d+) URLs and forms", result.stdout)
    return {"seconds": round(time.perf_counter() - started), "findings": findings,
            "URLs and forms": int(found.group(1)) if found else None,
            "modules stopped by the time limit": re.findall(r"Max attack time was reached for module (\w+)",
                                                            result.stdout),
            "report": str(report)}


def scan(output):
    for tool in ("sqlmap", "wapiti"):
        if shutil.which(tool) is None:
            sys.exit(f"{tool} is not installed: `make reliability` installs Debian's package.")
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        environment = prepare_instance(folder)
        with gunicorn("portfolio:create_app()", environment) as (base, _master):
            cookie = session_cookie(base)
            token = create_api_token(base, cookie)
            targets = list_page_targets(base, cookie) + form_targets(base, cookie) + api_targets(base, token)
            (output / "sqlmap").mkdir(parents=True, exist_ok=True)
            sqlmap = []
            for target in targets:
                print(f"sqlmap: {target['name']} …", flush=True)
                sqlmap.append(run_sqlmap(target, folder / "sqlmap", output / "sqlmap"))
                print(f"  {sqlmap[-1]['seconds']} s, {len(sqlmap[-1]['parameters'])} parameters, "
                      f"{len(sqlmap[-1]['findings'])} findings, {sqlmap[-1]['server errors']} server errors", flush=True)
            sqlmap_signed_in = still_signed_in(base, cookie)
            (output / "wapiti").mkdir(parents=True, exist_ok=True)
            print("wapiti: crawling and attacking / …", flush=True)
            wapiti = run_wapiti(base, cookie, folder, output / "wapiti")
            wapiti_signed_in = still_signed_in(base, cookie)
    if not (sqlmap_signed_in and wapiti_signed_in):
        sys.exit("The session ended during the scan: its results do not cover the signed-in pages.")
    return {"sqlmap": sqlmap, "wapiti": wapiti}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=ROOT / "build" / "reliability")
    args = parser.parse_args()
    args.output.mkdir(parents=True, exist_ok=True)
    results = scan(args.output)
    sqlmap, wapiti = results["sqlmap"], results["wapiti"]
    figures = {
        "sqlmap targets": len(sqlmap),
        "sqlmap parameters tested": sum(len(run["parameters"]) for run in sqlmap),
        "sqlmap seconds": sum(run["seconds"] for run in sqlmap),
        "sqlmap findings": sum(len(run["findings"]) + run["server errors"] for run in sqlmap),
        "wapiti URLs and forms": wapiti["URLs and forms"],
        "wapiti seconds": wapiti["seconds"],
        "wapiti findings": len(wapiti["findings"]),
    }
    (args.output / "scanners.json").write_text(json.dumps({**figures, "details": results}, indent=2,
                                                          ensure_ascii=False))
    for name, value in figures.items():
        print(f"{name:<26}{value:>8}")
    if wapiti["modules stopped by the time limit"]:
        print("wapiti modules stopped by --max-attack-time:", ", ".join(wapiti["modules stopped by the time limit"]))


if __name__ == "__main__":
    main()

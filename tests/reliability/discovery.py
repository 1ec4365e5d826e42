"""Every form and every API write of the application, found from what it serves.

Forms are parsed from the HTML of every page behind a GET route (tests/e2e/pages.py lists them
and the record ids their URLs need), rendered as an admin and as the other role that may write
there; API operations come from the app's own OpenAPI document. Nothing here is a hand-written
list of forms, so a new page or operation is swept without anyone adding it.
"""

from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from werkzeug.exceptions import HTTPException

from tests.e2e.pages import ANONYMOUS_ONLY
from tests.test_authorization import EXPECTED

WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
# The role that writes beside the admin, tried in this order, for pages whose forms depend on the role.
OTHER_WRITERS = ("editor", "privacy", "ciso")
TEXT_KINDS = {"text", "search", "email", "url", "tel", "password", "number", "date", "datetime-local",
              "month", "time", "textarea", ""}


@dataclass
class FormField:
    name: str
    kind: str  # the input type, or "select" / "textarea"
    value: str | None = None  # what the browser would send untouched; None: nothing
    options: list = field(default_factory=list)
    multiple: bool = False
    required: bool = False


@dataclass(eq=False)
class Form:
    page: str  # the endpoint of the page it was found on
    page_path: str
    method: str
    action: str
    endpoint: str
    enctype: str = "application/x-www-form-urlencoded"
    fields: list = field(default_factory=list)
    form_id: str | None = None

    @property
    def key(self):
        return self.method, self.endpoint, tuple(sorted({f.name for f in self.fields}))

    @property
    def text_fields(self):
        return [f for f in self.fields if f.kind in TEXT_KINDS]


class FormParser(HTMLParser):
    """The <form>s of a page with their fields, including fields outside a form that name it."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms, self.current, self.by_id, self.orphans = [], None, {}, []
        self.select = self.textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = {name: value if value is not None else "" for name, value in attrs}
        if tag == "form":
            self.current = {"attrs": attrs, "fields": []}
            self.forms.append(self.current)
            if attrs.get("id"):
                self.by_id[attrs["id"]] = self.current
        elif tag in ("input", "button") and attrs.get("name"):
            kind = attrs.get("type", "text" if tag == "input" else "submit").lower()
            if kind in ("submit", "image", "reset", "button"):
                return  # a submit button's name is added only for the button the test presses
            checked = "checked" in attrs
            value = attrs.get("value", "on" if kind in ("checkbox", "radio") else "")
            if kind in ("checkbox", "radio") and not checked:
                value = None
            self._add(attrs, FormField(attrs["name"], kind, value, [attrs.get("value", "on")],
                                       required="required" in attrs))
        elif tag == "select" and attrs.get("name"):
            self.select = FormField(attrs["name"], "select", None, [], "multiple" in attrs, "required" in attrs)
            self._add(attrs, self.select)
        elif tag == "option" and self.select is not None:
            value = attrs.get("value", "")
            self.select.options.append(value)
            if "selected" in attrs and (self.select.value is None or self.select.multiple):
                self.select.value = value if self.select.value is None else self.select.value
        elif tag == "textarea" and attrs.get("name"):
            self.textarea = FormField(attrs["name"], "textarea", "", required="required" in attrs)
            self._add(attrs, self.textarea)

    def handle_endtag(self, tag):
        if tag == "form":
            self.current = None
        elif tag == "select" and self.select is not None:
            if self.select.value is None and self.select.options and not self.select.multiple:
                self.select.value = self.select.options[0]
            self.select = None
        elif tag == "textarea":
            self.textarea = None

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea.value += data

    def _add(self, attrs, form_field):
        owner = attrs.get("form")
        if owner:
            self.orphans.append((owner, form_field))
        elif self.current is not None:
            self.current["fields"].append(form_field)

    def result(self):
        for owner, form_field in self.orphans:
            if owner in self.by_id:
                self.by_id[owner]["fields"].append(form_field)
        return self.forms


def parse_forms(html, page_path):
    """[(method, action path, enctype, fields, id)] of the forms in html served at page_path."""
    parser = FormParser()
    parser.feed(html)
    parser.close()
    found = []
    for form in parser.result():
        attrs = form["attrs"]
        action = urlsplit(urljoin(page_path, attrs.get("action") or page_path))
        path = action.path + (f"?{action.query}" if action.query else "")
        found.append((attrs.get("method", "get").upper(), path, attrs.get("enctype", "application/x-www-form-urlencoded"),
                      form["fields"], attrs.get("id")))
    return found


def endpoint_of(app, method, path):
    """The endpoint a request would reach, or None when no route answers it."""
    adapter = app.url_map.bind("localhost")
    try:
        endpoint, _ = adapter.match(urlsplit(path).path, method=method)
    except HTTPException:
        return None
    return endpoint


def writer_role(endpoint):
    allowed = EXPECTED.get(endpoint, set())
    return next((role for role in OTHER_WRITERS if allowed == "anyone" or role in {str(r) for r in allowed}), None)


def discover_forms(app, clients, paths):
    """Every distinct form on the pages, rendered as each client that may open them.

    clients maps "admin", the OTHER_WRITERS and "anonymous" to signed-in test clients; a form is
    told apart by method, endpoint and field names, and the first page showing it is kept.
    Raises AssertionError when a page does not answer 200.
    """
    forms = {}
    for endpoint, path in paths:
        roles = ["anonymous"] if endpoint in ANONYMOUS_ONLY else ["admin"]
        other = writer_role(endpoint)
        if other and endpoint not in ANONYMOUS_ONLY:
            roles.append(other)
        for role in roles:
            response = clients[role].get(path)
            if role in OTHER_WRITERS and response.status_code == 403:
                continue  # a record-level rule (e.g. measures assigned to someone else)
            assert response.status_code == 200, f"{path} as {role} answered {response.status_code}"
            for method, action, enctype, fields, form_id in parse_forms(response.get_data(as_text=True), path):
                target = endpoint_of(app, method, action)
                if target is None or target == "static":
                    continue
                form = Form(endpoint, path, method, action, target, enctype, fields, form_id)
                form.role = role
                forms.setdefault(form.key, form)
    return list(forms.values())


@dataclass(eq=False)
class ApiOperation:
    method: str
    path: str  # with {record_id} left in
    endpoint: str
    body: dict | None  # the resolved JSON schema of the request body
    if_match: bool


def resolve(schema, components):
    """The schema with its top-level $ref (and anyOf-with-null) followed."""
    while "$ref" in schema:
        schema = components[schema["$ref"].rsplit("/", 1)[1]]
    return schema


def discover_api_writes(app, document):
    """Every operation of the OpenAPI document that changes data."""
    components = document.get("components", {}).get("schemas", {})
    found = []
    for path, item in document["paths"].items():
        for method, spec in item.items():
            if method.upper() not in WRITE_METHODS:
                continue
            body = spec.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
            if_match = any(p["in"] == "header" and p["name"] == "If-Match" for p in spec.get("parameters", ()))
            endpoint = endpoint_of(app, method.upper(), path.replace("{record_id}", "1"))
            found.append(ApiOperation(method.upper(), path, endpoint,
                                      resolve(body, components) if body else None, if_match))
    return found

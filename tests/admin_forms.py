"""Read an admin change form as a browser would, so tests can post it back with edits."""

from html.parser import HTMLParser


class _FormFields(HTMLParser):
    def __init__(self):
        super().__init__()
        self.fields: dict[str, str] = {}
        self._select: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        name = a.get("name")
        if tag == "input" and name and a.get("type") not in {"submit", "button", "file"}:
            if a.get("type") in {"checkbox", "radio"}:
                if "checked" in a:
                    self.fields[name] = a.get("value", "on")
            else:
                self.fields[name] = a.get("value", "")
        elif tag == "select" and name:
            self._select = name
            if "multiple" not in a:  # a browser sends nothing for an empty multiple select
                self.fields.setdefault(name, "")
        elif tag == "option" and self._select and "selected" in a:
            self.fields[self._select] = a.get("value", "")
        elif tag == "textarea" and name:
            self._textarea = name
            self.fields[name] = ""

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self.fields[self._textarea] += data


def admin_form_data(client, url: str, **changes) -> dict[str, str]:
    """The fields of the admin form at `url` with their current values, updated by `changes`.

    Fields of empty inline templates (`__prefix__`) are dropped, as the browser's JavaScript does.
    """
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    parser = _FormFields()
    parser.feed(response.content.decode())
    data = {k: v for k, v in parser.fields.items() if "__prefix__" not in k}
    data.pop("csrfmiddlewaretoken", None)
    data.update({k: str(v) for k, v in changes.items()})
    return data

import pytest
from django.utils import translation


@pytest.fixture
def in_language():
    """Activate a language for the test's duration: `in_language("th")`."""
    stack = []

    def activate(code: str) -> None:
        stack.append(translation.override(code))
        stack[-1].__enter__()

    yield activate
    while stack:
        stack.pop().__exit__(None, None, None)

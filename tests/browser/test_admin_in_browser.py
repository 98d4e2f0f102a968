"""The admin works in a real browser, offline, in Thai."""


def test_admin_login_page_renders_in_thai_without_outside_requests(page, live_server):
    page.goto(live_server.url + "/th/admin/login/")

    assert page.locator("html").get_attribute("lang") == "th"
    assert page.locator("input[type=submit]").get_attribute("value") == "เข้าสู่ระบบ"

"""Settings → General: trusted proxies are edited in the browser and kept by the server."""

from __future__ import annotations

from selenium.webdriver.common.by import By

from test_ui_flow import find, login, wait, wait_hash


def test_ui_trusted_proxies(server_factory, browser):
    server = server_factory()
    admin = server.admin_session()
    login(browser, server)
    wait_hash(browser, lambda h: h.startswith("#/media"))
    browser.get(server.url("/#/settings/general"))
    box = find(browser, "#trusted-proxies")
    wait(browser, lambda d: box.is_enabled(), message="settings never loaded")

    box.send_keys("not-an-address")
    browser.find_element(By.CSS_SELECTOR, "#proxies-form button[type=submit]").click()
    wait(browser, lambda d: "not an IP address" in d.find_element(By.ID, "trusted-proxies-error").text,
         message="the server's field error was not shown")
    assert admin.get(server.url("/api/v1/settings/general")).json()["trustedProxies"] == []

    box = find(browser, "#trusted-proxies")
    box.clear()
    box.send_keys("10.0.0.2, 10.0.0.2\n::1")
    browser.find_element(By.CSS_SELECTOR, "#proxies-form button[type=submit]").click()
    wait(browser, lambda d: admin.get(server.url("/api/v1/settings/general")).json()["trustedProxies"] == ["10.0.0.2", "::1"],
         message="proxies were not saved")

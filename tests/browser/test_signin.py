"""Signing in through the real product in Chromium: staff land on Home, clients on the portal."""

import re

from playwright.sync_api import expect

from tests.browser.conftest import sign_in


def test_an_owner_signs_in_and_lands_on_home(page, product, shoot):
    sign_in(page, product, "owner")
    expect(page.get_by_role("heading", name="Home")).to_be_visible()
    expect(page).to_have_url(product + "/home/")
    shoot("home")


def test_a_client_signs_in_on_the_same_page_and_lands_on_the_portal(page, product):
    sign_in(page, product, "alex.client")
    expect(page).to_have_url(product + "/portal/")
    expect(page.get_by_role("heading", name="Welcome, Alex")).to_be_visible()


def test_a_wrong_password_is_refused(page, product):
    sign_in(page, product, "owner", "Wrong-Password-0000")
    expect(page).to_have_url(re.compile(re.escape(product) + r"/login/"))
    expect(page.get_by_text("Invalid login. Please try again.")).to_be_visible()

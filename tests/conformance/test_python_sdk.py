"""The emulator, driven by LogicMonitor's own Python SDK (logicmonitor-sdk 3.0.x) through its own
methods. Every model must deserialize from the emulator's answers with its fields populated."""
import json

import pytest
from logicmonitor_sdk import APIToken
from logicmonitor_sdk.rest import ApiException

from conftest import sdk_client


def create(api, admin_id=2, note="conformance", status=2, **kwargs):
    return api.add_api_token_by_admin_id(admin_id, APIToken(note=note, status=status), **kwargs)


def test_get_admin_list_with_username_filter_and_get_admin_by_id(api):
    page = api.get_admin_list(filter='username:"ci-bot"')
    assert page.total == 1
    [admin] = page.items
    assert (admin.id, admin.username, admin.email, admin.status) == (2, "ci-bot", "ci-bot@example.com", "active")
    assert [role.name for role in admin.roles] == ["manager"]
    [privilege] = admin.roles[0].privileges
    assert (privilege.object_type, privilege.object_id, privilege.operation) == ("setting", "useraccess", "write")
    same = api.get_admin_by_id(admin.id)
    assert (same.username, same.first_name, same.last_name) == ("ci-bot", "CI", "Bot")
    assert api.get_admin_list(filter='username:"nobody"').items == []


def test_add_lmv1_token_whose_secret_authenticates_a_second_client(api, emulator):
    token = create(api, note="lmv1 from python")
    assert isinstance(token, APIToken)
    assert (token.admin_id, token.admin_name, token.note, token.status) == (2, "ci-bot", "lmv1 from python", 2)
    assert len(token.access_id) == 20 and len(token.access_key) == 40
    assert token.roles == ["manager"] and token.created_by == "lmapi-admin" and token.created_on > 0
    second = sdk_client(emulator.base_url, token.access_id, token.access_key)
    assert second.get_admin_by_id(2).username == "ci-bot"
    [listed] = api.get_api_token_list(filter=f"id:{token.id}").items
    assert listed.last_used_on > 0 and listed.last_auth_ip == "127.0.0.1"
    assert listed.access_key != token.access_key and set(listed.access_key) == {"*"}
    assert [t.id for t in api.get_admin_by_id(2).api_tokens] == [token.id]


def test_add_bearer_token_whose_secret_authenticates_a_bearer_client(api, emulator):
    token = create(api, note="bearer from python", type="bearer")
    assert token.access_key.startswith("lmb_")
    bearer = sdk_client(emulator.base_url, bearer_token=token.access_key)
    assert bearer.get_admin_list(filter='username:"ci-bot"').total == 1
    # the full secret is shown once; lists show a masked one with a 20-character prefix
    [listed] = api.get_api_token_list(type="bearer", filter=f"id:{token.id}").items
    assert listed.access_key != token.access_key and listed.access_key[:20] == token.access_key[:20]


def test_token_lists_filter_by_id_page_with_size_and_offset_and_select_bearer(api):
    ids = [create(api, note=f"t{i}").id for i in range(7)]
    bearer = create(api, type="bearer")
    [by_id] = api.get_api_token_list(filter=f"id:{ids[3]}").items
    assert (by_id.id, by_id.note) == (ids[3], "t3")
    [by_admin] = api.get_api_token_list_by_admin_id(2, filter=f"id:{ids[4]}").items
    assert by_admin.note == "t4"
    pages = [api.get_api_token_list_by_admin_id(2, size=3, offset=offset) for offset in (0, 3, 6)]
    assert [p.total for p in pages] == [7, 7, 7]
    assert [t.id for p in pages for t in p.items] == ids
    assert [t.id for t in api.get_api_token_list(type="bearer").items] == [bearer.id]
    assert bearer.id not in [t.id for t in api.get_api_token_list(size=50).items]


def test_patch_changes_note_and_status_and_put_reenables(api):
    token = create(api)
    patched = api.patch_api_token_by_admin_id(2, token.id, APIToken(note="patched", status=1))
    assert (patched.note, patched.status) == ("patched", 1)
    replaced = api.update_api_token_by_admin_id(2, token.id, APIToken(note="put"))
    assert (replaced.note, replaced.status) == ("put", 2)


def test_delete_then_delete_again_is_404_with_logicmonitors_error_body(api):
    token = create(api)
    api.delete_api_token_by_id(2, token.id)
    with pytest.raises(ApiException) as raised:
        api.delete_api_token_by_id(2, token.id)
    assert raised.value.status == 404
    body = json.loads(raised.value.body)
    assert body["errorCode"] == 1404 and body["errorMessage"] and "errorDetail" in body


def test_wrong_access_key_is_401(emulator):
    wrong = sdk_client(emulator.base_url, emulator.access_id, "x" * 40)
    with pytest.raises(ApiException) as raised:
        wrong.get_admin_by_id(1)
    assert raised.value.status == 401
    assert json.loads(raised.value.body)["errorCode"] == 1401


def test_stale_epoch_is_401(start_emulator):
    # The server's clock runs 31 minutes ahead, so the SDK's current epoch is 31 minutes stale.
    skewed = start_emulator("--clock-offset", str(31 * 60))
    client = sdk_client(skewed.base_url, skewed.access_id, skewed.access_key)
    with pytest.raises(ApiException) as raised:
        client.get_admin_by_id(1)
    assert raised.value.status == 401
    assert "timestamp" in json.loads(raised.value.body)["errorMessage"]
    # 29 minutes is within LogicMonitor's 30-minute tolerance
    near = start_emulator("--clock-offset", str(29 * 60))
    assert sdk_client(near.base_url, near.access_id, near.access_key).get_admin_by_id(1).username == "lmapi-admin"

"""Webhook signature verification with real Ed25519 keys (PyNaCl), no mocks."""

import base64
import time

import pytest
from nacl.signing import SigningKey

from compliance.telnyx.signatures import (
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    Reason,
    SignatureError,
    generate_keypair,
    public_key_for,
    sign_webhook,
    verify_webhook,
)

NOW = 1_790_000_000
BODY = (
    b'{"brandId":"4b20019b","campaignId":"4b30019b","type":"MNO_REVIEW",'
    b'"status":"ACCEPTED","description":"Caf\xc3\xa9 campaign accepted"}'
)


@pytest.fixture(scope="module")
def keypair():
    return generate_keypair()


@pytest.fixture
def seed(keypair):
    return keypair[0]


@pytest.fixture
def public_key(keypair):
    return keypair[1]


def refused(reason, body, headers, public_key, **kwargs):
    with pytest.raises(SignatureError) as caught:
        verify_webhook(body, headers, public_key, now=kwargs.pop("now", NOW), **kwargs)
    assert caught.value.reason == reason
    return caught.value


def with_signature(headers, raw_signature):
    return {**headers, SIGNATURE_HEADER: base64.b64encode(raw_signature).decode()}


def test_valid_webhook_returns_its_timestamp(seed, public_key):
    headers = sign_webhook(BODY, seed, timestamp=NOW)
    assert verify_webhook(BODY, headers, public_key, now=NOW) == NOW


def test_signing_with_a_signing_key_object_matches_signing_with_its_seed(seed, public_key):
    key = SigningKey(base64.b64decode(seed))
    assert sign_webhook(BODY, key, timestamp=NOW) == sign_webhook(BODY, seed, timestamp=NOW)
    assert verify_webhook(BODY, sign_webhook(BODY, key, NOW), public_key, now=NOW) == NOW


def test_signature_is_over_timestamp_pipe_raw_body(seed):
    headers = sign_webhook(BODY, seed, timestamp=NOW)
    key = SigningKey(base64.b64decode(seed)).verify_key
    signature = base64.b64decode(headers[SIGNATURE_HEADER])
    assert key.verify(f"{NOW}|".encode() + BODY, signature) == f"{NOW}|".encode() + BODY
    assert headers[TIMESTAMP_HEADER] == str(NOW)


def test_by_default_signing_and_verifying_use_the_current_time(seed, public_key):
    before = int(time.time())
    headers = sign_webhook(BODY, seed)
    assert before <= int(headers[TIMESTAMP_HEADER]) <= time.time()
    assert verify_webhook(BODY, headers, public_key) == int(headers[TIMESTAMP_HEADER])
    old = sign_webhook(BODY, seed, timestamp=before - 301)
    refused(Reason.STALE_TIMESTAMP, BODY, old, public_key, now=None)


def test_tampered_body_is_invalid(seed, public_key):
    headers = sign_webhook(BODY, seed, timestamp=NOW)
    refused(Reason.INVALID_SIGNATURE, BODY.replace(b"ACCEPTED", b"REJECTED"), headers, public_key)


def test_reserialised_body_is_invalid(seed, public_key):
    headers = sign_webhook(BODY, seed, timestamp=NOW)
    refused(Reason.INVALID_SIGNATURE, BODY + b"\n", headers, public_key)


def test_tampered_timestamp_is_invalid_even_within_tolerance(seed, public_key):
    headers = {**sign_webhook(BODY, seed, timestamp=NOW), TIMESTAMP_HEADER: str(NOW + 1)}
    refused(Reason.INVALID_SIGNATURE, BODY, headers, public_key)


def test_signature_from_another_key_is_invalid(public_key):
    other_seed, _ = generate_keypair()
    refused(Reason.INVALID_SIGNATURE, BODY, sign_webhook(BODY, other_seed, NOW), public_key)


def test_verifying_with_the_wrong_public_key_is_invalid(seed):
    _, other_public_key = generate_keypair()
    refused(Reason.INVALID_SIGNATURE, BODY, sign_webhook(BODY, seed, NOW), other_public_key)


@pytest.mark.parametrize(
    ("header", "reason"),
    [(SIGNATURE_HEADER, Reason.MISSING_SIGNATURE), (TIMESTAMP_HEADER, Reason.MISSING_TIMESTAMP)],
)
def test_missing_header_is_refused(seed, public_key, header, reason):
    headers = sign_webhook(BODY, seed, timestamp=NOW)
    del headers[header]
    refused(reason, BODY, headers, public_key)


@pytest.mark.parametrize(
    ("header", "reason"),
    [(SIGNATURE_HEADER, Reason.MISSING_SIGNATURE), (TIMESTAMP_HEADER, Reason.MISSING_TIMESTAMP)],
)
def test_blank_header_counts_as_missing(seed, public_key, header, reason):
    headers = {**sign_webhook(BODY, seed, timestamp=NOW), header: "  "}
    refused(reason, BODY, headers, public_key)


def test_no_headers_at_all_reports_the_signature_first(public_key):
    refused(Reason.MISSING_SIGNATURE, BODY, {}, public_key)


@pytest.mark.parametrize("age", [0, 1, 299, 300])
def test_timestamp_up_to_300_seconds_old_is_accepted(seed, public_key, age):
    headers = sign_webhook(BODY, seed, timestamp=NOW)
    assert verify_webhook(BODY, headers, public_key, now=NOW + age) == NOW


@pytest.mark.parametrize("age", [300.001, 301, 86_400])
def test_timestamp_more_than_300_seconds_old_is_stale(seed, public_key, age):
    headers = sign_webhook(BODY, seed, timestamp=NOW)
    refused(Reason.STALE_TIMESTAMP, BODY, headers, public_key, now=NOW + age)


@pytest.mark.parametrize("ahead", [1, 299, 300])
def test_timestamp_up_to_300_seconds_ahead_is_accepted(seed, public_key, ahead):
    headers = sign_webhook(BODY, seed, timestamp=NOW)
    assert verify_webhook(BODY, headers, public_key, now=NOW - ahead) == NOW


@pytest.mark.parametrize("ahead", [300.001, 301, 86_400])
def test_timestamp_more_than_300_seconds_ahead_is_future(seed, public_key, ahead):
    headers = sign_webhook(BODY, seed, timestamp=NOW)
    refused(Reason.FUTURE_TIMESTAMP, BODY, headers, public_key, now=NOW - ahead)


def test_tolerance_is_configurable(seed, public_key):
    headers = sign_webhook(BODY, seed, timestamp=NOW)
    assert verify_webhook(BODY, headers, public_key, tolerance=10, now=NOW + 10) == NOW
    refused(Reason.STALE_TIMESTAMP, BODY, headers, public_key, tolerance=10, now=NOW + 11)
    refused(Reason.FUTURE_TIMESTAMP, BODY, headers, public_key, tolerance=10, now=NOW - 11)


def test_negative_tolerance_is_a_programming_error(seed, public_key):
    with pytest.raises(ValueError, match="tolerance"):
        verify_webhook(BODY, sign_webhook(BODY, seed, NOW), public_key, tolerance=-1, now=NOW)


def test_stale_signature_is_refused_before_the_signature_is_checked(public_key):
    headers = {TIMESTAMP_HEADER: str(NOW - 301), SIGNATURE_HEADER: "not base64!"}
    refused(Reason.STALE_TIMESTAMP, BODY, headers, public_key)


@pytest.mark.parametrize(
    "timestamp", ["abc", "1790000000.5", "-5", "+1790000000", "1_790_000_000", "0x6AB", "١٢٣"]
)
def test_non_integer_timestamp_is_bad(seed, public_key, timestamp):
    headers = {**sign_webhook(BODY, seed, timestamp=NOW), TIMESTAMP_HEADER: timestamp}
    refused(Reason.BAD_TIMESTAMP, BODY, headers, public_key)


@pytest.mark.parametrize("signature", ["not base64!", "AAAA=", "abc", "é" * 88])
def test_signature_that_is_not_base64_is_refused(seed, public_key, signature):
    headers = {**sign_webhook(BODY, seed, timestamp=NOW), SIGNATURE_HEADER: signature}
    refused(Reason.BAD_SIGNATURE_ENCODING, BODY, headers, public_key)


@pytest.mark.parametrize("length", [0, 1, 63, 65, 128])
def test_signature_of_the_wrong_length_is_refused(seed, public_key, length):
    headers = sign_webhook(BODY, seed, timestamp=NOW)
    real = base64.b64decode(headers[SIGNATURE_HEADER])
    raw = (real * 2)[:length]
    if length == 0:
        refused(Reason.MISSING_SIGNATURE, BODY, with_signature(headers, raw), public_key)
    else:
        refused(Reason.BAD_SIGNATURE_LENGTH, BODY, with_signature(headers, raw), public_key)


def test_truncated_real_signature_is_a_length_error_not_an_invalid_one(seed, public_key):
    headers = sign_webhook(BODY, seed, timestamp=NOW)
    real = base64.b64decode(headers[SIGNATURE_HEADER])
    refused(Reason.BAD_SIGNATURE_LENGTH, BODY, with_signature(headers, real[:63]), public_key)
    refused(Reason.BAD_SIGNATURE_LENGTH, BODY, with_signature(headers, real + b"\0"), public_key)


def test_flipped_bit_in_a_64_byte_signature_is_invalid(seed, public_key):
    headers = sign_webhook(BODY, seed, timestamp=NOW)
    real = bytearray(base64.b64decode(headers[SIGNATURE_HEADER]))
    real[10] ^= 0x01
    refused(Reason.INVALID_SIGNATURE, BODY, with_signature(headers, bytes(real)), public_key)


@pytest.mark.parametrize("key", ["not base64!", "", "QUJD=", "é" * 44])
def test_public_key_that_is_not_base64_is_bad(seed, key):
    refused(Reason.BAD_KEY, BODY, sign_webhook(BODY, seed, NOW), key)


@pytest.mark.parametrize("length", [16, 31, 33, 64])
def test_public_key_of_the_wrong_length_is_bad(seed, public_key, length):
    raw = (base64.b64decode(public_key) * 3)[:length]
    refused(Reason.BAD_KEY, BODY, sign_webhook(BODY, seed, NOW), base64.b64encode(raw).decode())


def test_a_bad_key_is_reported_even_when_headers_are_missing():
    refused(Reason.BAD_KEY, BODY, {}, "not base64!")


@pytest.mark.parametrize(
    ("timestamp_name", "signature_name"),
    [
        ("Telnyx-Timestamp", "Telnyx-Signature-Ed25519"),
        ("TELNYX-TIMESTAMP", "TELNYX-SIGNATURE-ED25519"),
        ("telnyx-Timestamp", "tElNyX-sIgNaTuRe-eD25519"),
    ],
)
def test_header_names_are_case_insensitive(seed, public_key, timestamp_name, signature_name):
    signed = sign_webhook(BODY, seed, timestamp=NOW)
    headers = {
        "Content-Type": "application/json",
        timestamp_name: signed[TIMESTAMP_HEADER],
        signature_name: signed[SIGNATURE_HEADER],
    }
    assert verify_webhook(BODY, headers, public_key, now=NOW) == NOW


def test_django_request_headers_work_as_the_mapping(seed, public_key, rf):
    signed = sign_webhook(BODY, seed, timestamp=NOW)
    request = rf.post(
        "/webhooks/telnyx/",
        data=BODY,
        content_type="application/json",
        headers={
            "Telnyx-Timestamp": signed[TIMESTAMP_HEADER],
            "Telnyx-Signature-Ed25519": signed[SIGNATURE_HEADER],
        },
    )
    assert verify_webhook(request.body, request.headers, public_key, now=NOW) == NOW


def test_body_given_as_text_is_refused_rather_than_re_encoded(seed, public_key):
    with pytest.raises(TypeError, match="bytes"):
        verify_webhook(BODY.decode(), sign_webhook(BODY, seed, NOW), public_key, now=NOW)


def test_empty_body_can_be_signed_and_verified(seed, public_key):
    assert verify_webhook(b"", sign_webhook(b"", seed, NOW), public_key, now=NOW) == NOW


def test_every_reason_is_distinct_and_carried_by_the_error():
    assert len({reason.value for reason in Reason}) == len(Reason) == 9
    error = SignatureError("stale_timestamp", "301s old")
    assert error.reason is Reason.STALE_TIMESTAMP
    assert str(error) == "stale_timestamp: 301s old"


def test_generated_keypairs_are_32_byte_base64_and_distinct():
    seed, public = generate_keypair()
    other_seed, other_public = generate_keypair()
    assert len(base64.b64decode(seed)) == len(base64.b64decode(public)) == 32
    assert seed != other_seed and public != other_public


def test_public_key_for_a_seed_matches_the_generated_pair(keypair):
    seed, public = keypair
    assert public_key_for(seed) == public


@pytest.mark.parametrize("seed", ["not base64!", base64.b64encode(b"x" * 31).decode()])
def test_signing_with_a_malformed_seed_is_refused(seed):
    with pytest.raises(ValueError, match="seed"):
        sign_webhook(BODY, seed)
    with pytest.raises(ValueError, match="seed"):
        public_key_for(seed)

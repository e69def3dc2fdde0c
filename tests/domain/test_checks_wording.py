"""compliance.checks: hand-worded program texts as US businesses write them.

Each table holds realistic phrasings (written for this file, in many tones and lengths,
English and Spanish) of one hand-worded field: the opt-in confirmation, the HELP reply, the
opt-out reply, the frequency wording and the call to action in messageFlow. A good phrasing
must leave that field without a blocking finding; a near miss must still be blocked there.
"""

import pytest

from compliance.checks import blocking, check_campaign
from tests.domain.test_checks import campaign

BRAND = "Sweet Crumbs Bakery"

CONFIRMATIONS = [
    "Sweet Crumbs Bakery: Welcome to Bake Club! 4 msgs/mo. Msg&data rates may apply. Reply "
    "HELP for help, STOP to cancel.",
    "Sweet Crumbs Bakery: thx for joining! up to 3 txts/wk. msg & data rates may apply. txt "
    "HELP for help, STOP to quit.",
    "Sweet Crumbs Bakery: You're confirmed for order texts (1-2 per order). Msg & data rates "
    "may apply. Reply HELP for help; STOP to opt out.",
    "Sweet Crumbs Bakery: You opted in to event invites, about 1 per month. Msg and data "
    "rates may apply. Reply STOP to cancel or HELP for help.",
    "Sweet Crumbs Bakery: Welcome! Frequency varies by promotion. Msg & data rates may apply. "
    "Reply HELP for help. Reply STOP to unsubscribe.",
    "Sweet Crumbs Bakery: Hola! Te suscribiste a ofertas, 2 msjs por semana. Pueden aplicarse "
    "tarifas por mensajes y datos. Responde STOP para cancelar o AYUDA para ayuda.",
    "Sweet Crumbs Bakery: Thanks - you'll get a text whenever a new batch is out of the oven "
    "(a few a week). Msg & data rates may apply. Reply HELP for help, STOP to end.",
    "Sweet Crumbs Bakery: Joined! Up to ten texts a month. Msg & data rates may apply. Reply "
    "HELP for help, STOP to cancel.",
    "Sweet Crumbs Bakery: Welcome! Txt alerts on. Up to 4 msg/mo. Msg&data rates may apply. "
    "Txt HELP 4 help, STOP to end.",
    "Thanks for opting in to Sweet Crumbs Bakery! You'll receive weekly specials. Msg & data "
    "rates may apply. Reply STOP to unsubscribe, HELP for help.",
    "Sweet Crumbs Bakery: You signed up for pickup alerts. One text when your order is ready. "
    "Message and data rates may apply. Reply HELP for help or STOP to cancel.",
    "Sweet Crumbs Bakery: opt-in confirmed. Recurring msgs. Msg freq varies. Msg & data rates "
    "may apply. HELP=help, STOP=cancel.",
    "You're on the list! Sweet Crumbs Bakery sends 2-4 msgs/month. Msg & data rates may "
    "apply. Reply HELP for help, STOP to opt out.",
    "Sweet Crumbs Bakery: Thanks! You'll get reminders before each appointment. Msg & data "
    "rates may apply. Reply STOP to cancel, HELP for help.",
    "Sweet Crumbs Bakery Rewards: welcome! Up to 8 msgs per month. Msg and data rates may "
    "apply. Text HELP for help. Text STOP to opt out.",
    "Sweet Crumbs Bakery: Subscribed to holiday pre-order alerts, about 3 msgs per season. "
    "Msg & data rates may apply. Reply HELP for help, STOP to stop.",
    "Sweet Crumbs Bakery: Yay, you're in! Expect around 1 text per week. Standard msg & data "
    "rates may apply. Reply HELP for help, STOP to cancel.",
    "Sweet Crumbs Bakery: You have joined our text club. Msg frequency varies. Message & data "
    "rates may apply. For help reply HELP. To cancel reply STOP.",
    "Sweet Crumbs Bakery: Gracias! Recibirás hasta 4 msjs/mes. Pueden aplicarse tarifas de "
    "mensajes y datos. Responde STOP para cancelar, AYUDA para ayuda.",
    "Sweet Crumbs Bakery: Thanks for subscribing. Msgs: up to 2/wk. Msg&data rates may apply. "
    "Reply HELP for help & STOP to unsubscribe.",
    "Sweet Crumbs Bakery: welcome to our SMS list. 1 msg/day max. Msg & data rates may apply. "
    "Reply HELP for help, STOP to end.",
    "Sweet Crumbs Bakery: Your text alerts are active. Messages sent when your order status "
    "changes. Msg & data rates may apply. Reply STOP to opt out, HELP for help.",
    "Sweet Crumbs Bakery: confirmed - you'll hear from us 2x a month. Msg & data rates may "
    "apply. Reply HELP for help, STOP to cancel.",
    f"{BRAND}: you're in! Up to 4 msgs/mo. Msg&data rates may apply. HELP for help, STOP to quit.",
    f"Welcome to {BRAND} texts! Expect about 2 messages a week. Msg & data rates may apply. "
    "Reply HELP for help or STOP to cancel.",
    f"{BRAND}: Thanks for joining. Msg frequency varies. Message and data rates may apply. "
    "Text HELP for info, STOP to opt out.",
    f"{BRAND} Alerts: subscribed! 1 msg per order. Msg & data rates may apply. Reply STOP to "
    "end, HELP for help.",
    f"{BRAND}: You are now enrolled in order updates. Msgs vary by order. Std msg & data "
    "rates apply. Reply HELP for help, STOP to unsubscribe.",
    f"{BRAND}: thanks for signing up! Recurring autodialed msgs, up to 6/month. Msg & data "
    "rates may apply. Consent not required to buy. Reply HELP/STOP.",
    f"{BRAND}: Welcome! You'll get up to three texts a month with deals. Message & data "
    "rates may apply. Text STOP to stop, HELP for help.",
    f"{BRAND}: Subscription confirmed. 1-3 msgs/wk. Msg & data rates may apply. Reply HELP "
    "for help. Reply STOP to cancel anytime.",
    f"{BRAND}: Hi! You're set to receive appointment reminders (1 per appointment). Msg & "
    "data rates may apply. Reply STOP to opt out, HELP for assistance.",
    f"{BRAND} · You joined our VIP list · Up to 5 msgs/mo · Msg & data rates may apply · "
    "Reply HELP for help · STOP to cancel",
    f"{BRAND}: Gracias por suscribirte. Frecuencia de mensajes varía. Pueden aplicarse tarifas "
    "de mensajes y datos. Responde AYUDA para ayuda o STOP para cancelar.",
    f"{BRAND}: ¡Bienvenido! Hasta 4 mensajes al mes. Pueden aplicar cargos por mensajes y "
    "datos. Envía HELP para ayuda, STOP para darte de baja.",
    f"{BRAND}: You're subscribed / Estás suscrito. Up to 4 msgs/mo / Hasta 4 msjs/mes. Msg & "
    "data rates may apply. Reply HELP for help, STOP to cancel / STOP para cancelar.",
    f"{BRAND}: welcome aboard. We text a few times a month with seasonal specials. Message "
    "and data rates may apply. Reply HELP for help and STOP to unsubscribe.",
    f"{BRAND}: ¡Listo! Recibirás 2 msjs/mes. Pueden aplicarse cargos por mensajes y datos. "
    "Responde AYUDA para ayuda, STOP para cancelar.",
    f"{BRAND}: Suscrito. Frecuencia varía. Costos estándar de mensajes pueden aplicar. STOP "
    "para salir, HELP para ayuda.",
    f"{BRAND}: Confirmed. Msgs are sent per visit. Msg&data rates may apply. Reply STOP to "
    "opt out or HELP for help.",
]
CONFIRMATION_MISSES = [
    # no rates disclosure, in Spanish ("datos" alone is not the charge)
    f"{BRAND}: ¡Bienvenido! Hasta 4 mensajes al mes. Protegemos tus datos. Responde AYUDA "
    "para ayuda o STOP para cancelar.",
    # no STOP at all
    f"{BRAND}: you're in! Up to 4 msgs/mo. Msg & data rates may apply. Reply HELP for help.",
]

HELP_REPLIES = [
    "Sweet Crumbs Bakery: Help? Email hello@sweetcrumbs.com. Reply STOP to cancel.",
    "Sweet Crumbs Bakery: Call us: 512-555-0142. Msg&data rates may apply. STOP to opt out.",
    "Sweet Crumbs Bakery: For support text or call 512-555-0142. Reply STOP to unsubscribe.",
    "Sweet Crumbs Bakery: Weekly offers line. Contact hello@sweetcrumbs.com. Reply STOP to stop.",
    "Sweet Crumbs Bakery: Need help with an order? Visit sweetcrumbs.com/help. Reply STOP to "
    "cancel texts.",
    "Sweet Crumbs Bakery: Help: 512-555-0142 | hello@sweetcrumbs.com | Reply STOP to opt out",
    "Sweet Crumbs Bakery: Soporte: hello@sweetcrumbs.com o 512-555-0142. Responde STOP para "
    "darte de baja.",
    "Sweet Crumbs Bakery: Hi! Reach our team at (512) 555-0142 between 8am and 4pm. Reply "
    "STOP to end messages.",
    "Sweet Crumbs Bakery: For help, reply with your question or call 512-555-0142. Reply STOP "
    "to opt out.",
    "Sweet Crumbs Bakery: Info & help: sweetcrumbs.com/sms or 512-555-0142. Up to 4 msgs/mo. "
    "Reply STOP to cancel.",
    "Sweet Crumbs Bakery: Assistance is available at hello@sweetcrumbs.com. Text STOP to quit.",
    "Sweet Crumbs Bakery: Help line 512-555-0142. Msg & data rates may apply. Reply STOP to "
    "stop receiving msgs.",
    "Sweet Crumbs Bakery: For help, email hello@sweetcrumbs.com. Msg & data rates may apply. "
    "Reply STOP to cancel.",
    "Sweet Crumbs Bakery Help: call (512) 555-0142, Tue-Sun 7am-3pm. Reply STOP to unsubscribe.",
    "Sweet Crumbs Bakery: Need a hand? Reach us at 512-555-0142. Text STOP to opt out.",
    "Sweet Crumbs Bakery: Visit https://sweetcrumbs.com/contact or call 512-555-0142 for "
    "help. STOP to quit.",
    "Sweet Crumbs Bakery: You're getting our weekly deals. Help: hello@sweetcrumbs.com. Reply "
    "STOP to end.",
    "Sweet Crumbs Bakery: We're here to help at 512-555-0142 or hello@sweetcrumbs.com. Up to "
    "4 msgs/mo. Msg&data rates may apply. STOP to cancel.",
    "Sweet Crumbs Bakery: Para ayuda llame al (512) 555-0142. Responda STOP para cancelar.",
    "Sweet Crumbs Bakery: Customer support: 512-555-0142. Reply STOP to stop texts.",
    "Sweet Crumbs Bakery: Help info - call 5125550142 or email hello@sweetcrumbs.com. To opt "
    "out, reply STOP.",
    "Sweet Crumbs Bakery: questions about your order? call 512-555-0142. reply STOP to "
    "unsubscribe.",
    f"{BRAND}: Need help? Call 512-555-0142 or email hello@sweetcrumbs.com. Reply STOP to opt out.",
    f"{BRAND} support: hello@sweetcrumbs.com or (512) 555-0142. Msg&data rates may apply. "
    "Text STOP to cancel.",
    f"{BRAND}: For assistance visit sweetcrumbs.com/help or call 5125550142. Up to 4 msgs/mo. "
    "STOP to end.",
    f"{BRAND}: Questions? We're at hello@sweetcrumbs.com. Reply STOP to unsubscribe.",
    f"{BRAND}: This is our offers line. Help: 512.555.0142. Msg & data rates may apply. "
    "Reply STOP to stop receiving texts.",
    f"{BRAND}: Ayuda: llama al 512-555-0142 o escribe a hello@sweetcrumbs.com. Responde STOP "
    "para cancelar.",
    f"{BRAND}: help is available Mon-Fri 9-5 at 512-555-0142. Reply STOP to opt out of texts.",
    f"{BRAND} customer care: call us at (512) 555-0142. To stop messages reply STOP.",
]
HELP_MISSES = [
    # no way to reach anyone
    f"{BRAND}: Thanks for your message! Reply STOP to opt out.",
]

OPTOUT_REPLIES = [
    "Sweet Crumbs Bakery: You're unsubscribed. No more msgs.",
    "Sweet Crumbs Bakery: STOP received. You won't get more texts from us.",
    "Sweet Crumbs Bakery: You've opted out of text alerts. Reply START to resume.",
    "Sweet Crumbs Bakery: You will receive no more text messages. Thanks!",
    "Sweet Crumbs Bakery: Cancelled. You won't receive any further texts.",
    "Sweet Crumbs Bakery: Baja confirmada. No recibirás más mensajes.",
    "Sweet Crumbs Bakery: You're unsubscribed / Estás dado de baja. No more texts.",
    "Sweet Crumbs Bakery: Your number was removed. No further msgs will be sent.",
    "Sweet Crumbs Bakery: You've been opted out and will not receive more messages. Text JOIN "
    "to rejoin.",
    "Sweet Crumbs Bakery: All set, we've turned off your texts.",
    "Sweet Crumbs Bakery: You've unsubscribed from our texts. Reply START to opt back in.",
    "Sweet Crumbs Bakery: We've stopped your text alerts. You will not receive further messages.",
    "Sweet Crumbs Bakery: Opt-out confirmed. No more texts will be sent to this number.",
    "Sweet Crumbs Bakery: You will not receive any more messages from us. Text START to rejoin.",
    "Sweet Crumbs Bakery: Sorry to see you go! You are unsubscribed and will get no more msgs.",
    "Sweet Crumbs Bakery: This number has been unsubscribed. You'll receive no further texts.",
    "Sweet Crumbs Bakery: Listo, ya no recibirás mensajes de texto. Envía START para volver a "
    "suscribirte.",
    "Sweet Crumbs Bakery: You've been unsubscribed from order updates and won't get more texts.",
    "Sweet Crumbs Bakery: Done - you're off our list. No more texts.",
    "Sweet Crumbs Bakery: Unsubscribe confirmed. Reply START to resubscribe.",
    f"{BRAND}: You're unsubscribed and won't get more texts. Reply START to rejoin.",
    f"{BRAND}: You have opted out. No further messages will be sent.",
    f"{BRAND}: you will no longer receive text messages from us.",
    f"{BRAND}: Unsubscribed. You won't receive any more msgs. Text START to resubscribe.",
    f"{BRAND}: You've been removed from our text list. No more messages will be sent.",
    f"{BRAND}: Your opt-out is confirmed. We won't text you again unless you reply START.",
    f"{BRAND}: Has cancelado tu suscripción. No recibirás más mensajes.",
    f"{BRAND}: Te has dado de baja y no recibirás más mensajes. Responde START para volver.",
    f"{BRAND}: You're opted out of offers & alerts. No more msgs will be sent.",
    f"{BRAND}: Got it, you won't hear from us by text anymore.",
]
OPTOUT_MISSES = [
    f"{BRAND}: Thanks for your message! Visit sweetcrumbs.com for our menu.",
]

FREQUENCIES = [
    "3 msgs per wk.",
    "Up to 4 msgs a month.",
    "Msgs per appointment vary.",
    "Msgs vary.",
    "Up to 2 msgs/wk.",
    "4 texts a month max.",
    "Approx. 3 msgs/mo.",
    "Message frequency depends on your activity.",
    "One text per order.",
    "Reminder texts before each visit.",
    "Msg freq varies by season.",
    "1 msg/day.",
    "Up to 12 msgs per year.",
    "Up to 4 msgs/month.",
    "Msg frequency varies.",
    "Message frequency may vary.",
    "2 msgs per week.",
    "Up to 10 messages per month.",
    "1-3 msgs/wk.",
    "Expect about two texts a week.",
    "Frequency varies based on your orders.",
    "One message per appointment.",
    "Recurring messages, up to 8/mo.",
    "A few msgs a month.",
    "Msgs sent per order.",
    "Number of messages varies.",
    "Up to five messages monthly.",
    "Weekly messages.",
    "Daily msgs.",
    "Messages are sent when your order ships.",
    "Seasonal messages, up to 2 per month.",
    "Frecuencia de mensajes varía.",
    "Hasta 4 mensajes por mes.",
    "We text a few times a month.",
    "Texts come twice a week.",
    "About once a month, more in December.",
    "Three times per season.",
    "Te escribimos dos veces al mes.",
    "Una vez por semana.",
    "Up to six texts every month.",
]
FREQUENCY_MISSES = [
    # no frequency at all
    "",
    # a price per period is not a count of messages
    "Only $4.99/month.",
    "Plans from $10 per week.",
    # "times" that are not a count of messages per period
    "Open at 7 times of the day.",
    # a text that is only mentioned, with no trigger or count
    "Reply for a text menu.",
    "Bake 2x as many pies.",
    # a price in Spanish, not a count
    "Solo $5 por mes.",
]


def _confirmation(freq: str) -> str:
    return (
        f"{BRAND}: you're subscribed. {freq} Msg & data rates may apply. Reply HELP for help, "
        "STOP to cancel."
    )


CTA_FLOWS = [
    "Customers opt in by texting SWEET to 55555. Confirmation: Sweet Crumbs Bakery: up to 4 "
    "msgs/mo. Msg & data rates may apply. Reply HELP for help, STOP to cancel. Terms & "
    "privacy: https://sweetcrumbs.com/terms and https://sweetcrumbs.com/privacy.",
    "At the register our staff asks customers if they'd like texts, then the customer enters "
    "their number on the card reader screen, which shows: Sweet Crumbs Bakery deals by text. "
    "Msg frequency varies. Msg & data rates may apply. Reply HELP for help and STOP to "
    "cancel. Privacy policy: https://sweetcrumbs.com/privacy. Terms: "
    "https://sweetcrumbs.com/terms.",
    "Website popup at https://sweetcrumbs.com asks for a mobile number with an optional, "
    "unchecked checkbox: I agree to receive recurring marketing texts from Sweet Crumbs "
    "Bakery, up to 4 msgs/mo. Consent is not a condition of purchase. Msg & data rates may "
    "apply. Reply HELP for help, STOP to cancel. View our Terms https://sweetcrumbs.com/terms "
    "and Privacy https://sweetcrumbs.com/privacy.",
    "Customers text JOIN to (512) 555-0142. The reply reads: Sweet Crumbs Bakery: up to 4 "
    "msgs/mo, msg&data rates may apply, reply HELP for help, STOP to cancel. Terms at "
    "https://sweetcrumbs.com/terms, privacy at https://sweetcrumbs.com/privacy.",
    "On our checkout page https://sweetcrumbs.com/checkout customers tick an optional, "
    "unchecked box: 'Text me order updates from Sweet Crumbs Bakery. Msg frequency varies. "
    "Msg & data rates may apply. Reply HELP for help, STOP to opt out. See our Terms "
    "(https://sweetcrumbs.com/terms) and Privacy Policy (https://sweetcrumbs.com/privacy).'",
    "In store, customers fill in a paper sign-up card that says: Get Sweet Crumbs Bakery deals "
    "by text, up to 4 msgs/month, msg & data rates may apply, reply STOP to cancel, HELP for "
    "help. Privacy: sweetcrumbs.com/privacy Terms: sweetcrumbs.com/terms",
]


def _field_blocks(field: str, text: str) -> list:
    findings = check_campaign(campaign("bakery", None, **{field: text}))
    return [(f.rule, f.message) for f in blocking(findings) if f.field == field]


@pytest.mark.parametrize("text", CONFIRMATIONS)
def test_a_good_confirmation_is_not_blocked(text):
    assert _field_blocks("optinMessage", text) == []


@pytest.mark.parametrize("text", CONFIRMATION_MISSES)
def test_a_confirmation_near_miss_is_blocked(text):
    assert _field_blocks("optinMessage", text)


@pytest.mark.parametrize("text", HELP_REPLIES)
def test_a_good_help_reply_is_not_blocked(text):
    assert _field_blocks("helpMessage", text) == []


@pytest.mark.parametrize("text", HELP_MISSES)
def test_a_help_near_miss_is_blocked(text):
    assert _field_blocks("helpMessage", text)


@pytest.mark.parametrize("text", OPTOUT_REPLIES)
def test_a_good_optout_reply_is_not_blocked(text):
    assert _field_blocks("optoutMessage", text) == []


@pytest.mark.parametrize("text", OPTOUT_MISSES)
def test_an_optout_near_miss_is_blocked(text):
    assert _field_blocks("optoutMessage", text)


@pytest.mark.parametrize("freq", FREQUENCIES)
def test_a_frequency_phrasing_is_read_as_a_frequency(freq):
    assert _field_blocks("optinMessage", _confirmation(freq)) == []


@pytest.mark.parametrize("freq", FREQUENCY_MISSES)
def test_a_confirmation_without_a_frequency_is_blocked(freq):
    assert _field_blocks("optinMessage", _confirmation(freq))


@pytest.mark.parametrize("text", CTA_FLOWS)
def test_a_good_call_to_action_is_not_blocked(text):
    assert _field_blocks("messageFlow", text) == []

"""Sample messages judged like a careful reviewer, on wording the checker has never seen.

A bank of realistic samples, written for these tests, as US businesses send them under each
non-marketing use case: the transactional ones (order totals, a property sale, free
cancellation, the customer's own offer, merchants on a card alert, renewals, the brand's own
portal on any TLD, a bank that never asks for a PIN, [bracket] and {brace} placeholders) must
raise no must-fix finding; promotions under a notification, 2FA or care use case (DCA2 602,
AWS USE_CASE_MISMATCH), phishing wording and links to another domain (CTIA 5.4), public
shorteners (AWS SAMPLE_MESSAGE_SHORT_URL), undeclared lending (AWS
CAMPAIGN_UNDECLARED_DIRECT_LENDING) must be blocked by the named rule.
"""

import pytest

from compliance.checks import BrandContext, CampaignContent, blocking, check_campaign
from compliance.checks.text import _domain, has_link, has_phone

DESCRIPTIONS = {
    "ACCOUNT_NOTIFICATION": "Northwind sends account notices to its customers: receipts, "
    "billing and renewal reminders, appointment and booking confirmations and status updates.",
    "DELIVERY_NOTIFICATION": "Northwind sends order and delivery updates to its customers: "
    "shipping confirmations, tracking links, delivery windows and pickup notices.",
    "CUSTOMER_CARE": "Northwind's support team texts customers about their open support "
    "requests, repairs, returns and warranty questions, and answers their replies.",
    "2FA": "Northwind sends one-time passcodes to customers who sign in, reset a password or "
    "confirm a payment in the Northwind app or website.",
    "FRAUD_ALERT": "Northwind Bank texts its cardholders about suspicious transactions on "
    "their cards and accounts and asks them to confirm whether they made them.",
    "SECURITY_ALERT": "Northwind alerts its account holders about security events on their "
    "accounts: password changes, new sign-ins, settings changes and alarm events.",
    "PUBLIC_SERVICE_ANNOUNCEMENT": "Northwind County sends residents public notices: "
    "weather and water advisories, closures, street work and community services.",
    "CHARITY": "Northwind Community Fund, a 501(c)(3) non-profit, texts its supporters and "
    "clients about its programs, events, volunteering and giving.",
    "HIGHER_EDUCATION": "Northwind College texts its students about registration, financial "
    "aid, tuition deadlines, campus closures and student services.",
}
CODE_SAMPLE = "Northwind: your verification code is 582014. It expires in 10 minutes. Reply STOP "
SECOND = {
    "2FA": CODE_SAMPLE + "to opt out.",
}
OTHER_SECOND = "Northwind: we received your request #4471 and will reply within one business day. "
OTHER_SECOND += "Reply STOP to opt out."
THIRD = "Northwind: questions about this message? Reply HELP or call us at (800) 555-0199."


def judge(
    usecase: str,
    sample: str,
    website: str = "https://northwind.com",
    entity: str = "PRIVATE_PROFIT",
    samples: list[str] | None = None,
) -> list[str]:
    """The rules that block a campaign of `usecase` whose first sample is `sample` (or whose
    samples are `samples`)."""
    domain = _domain(website)
    brand = BrandContext(
        display_name="Northwind",
        company_name="Northwind Holdings LLC",
        website=website,
        entity_type=entity,
        vertical="RETAIL" if entity == "PRIVATE_PROFIT" else "HEALTHCARE",
        email=f"help@{domain}",
        phone="+18005550199",
    )
    samples = samples or [sample, SECOND.get(usecase, OTHER_SECOND), THIRD]
    wire = {
        "usecase": usecase,
        "description": DESCRIPTIONS[usecase],
        "messageFlow": "Customers opt in at checkout or in their account settings at "
        f"{website}/sms by ticking an unchecked box that reads: 'Text me Northwind account "
        "messages. Msg frequency varies. Msg & data rates may apply. Reply HELP for help, STOP "
        f"to cancel.' Privacy: {website}/privacy Terms: {website}/terms",
        **{f"sample{i}": text for i, text in enumerate(samples, 1)},
        "optoutKeywords": "STOP",
        "optoutMessage": "Northwind: you are unsubscribed and will receive no more messages.",
        "helpKeywords": "HELP",
        "helpMessage": f"Northwind: for help call (800) 555-0199 or email help@{domain}. "
        "Reply STOP to cancel.",
        "embeddedLink": any(has_link(s, domain) for s in samples),
        "embeddedPhone": any(has_phone(s) for s in samples),
        "subscriberOptin": True,
        "subscriberOptout": True,
        "subscriberHelp": True,
        "privacyPolicyLink": f"{website}/privacy",
        "termsAndConditionsLink": f"{website}/terms",
    }
    findings = check_campaign(CampaignContent.from_wire(wire, brand=brand))
    return sorted({f.rule for f in blocking(findings)})


AN, DN, CC, TWOFA = "ACCOUNT_NOTIFICATION", "DELIVERY_NOTIFICATION", "CUSTOMER_CARE", "2FA"
FA, SA, PSA, HE = "FRAUD_ALERT", "SECURITY_ALERT", "PUBLIC_SERVICE_ANNOUNCEMENT", "HIGHER_EDUCATION"

# (use case, sample, brand website) — transactional messages that must pass.
GOOD = [
    # Account notices: totals, receipts, renewals, a property sale, the customer's own offer.
    # A department named in a notice, a bill compared with last month's.
    (
        DN,
        "Northwind: your order from our clearance section has shipped. Track it at "
        "https://northwind.com/t/88.",
        None,
    ),
    (AN, "Northwind Motors: the deals desk has your paperwork ready Thursday at 2pm.", None),
    (AN, "Northwind Power: your bill is 20% less than last month: $84.10 due 6/3.", None),
    (AN, "Northwind Water: you used 15% less water this week than last week. Nice work!", None),
    (
        AN,
        "Northwind: your order #20931 for $84.17 is placed. View your receipt at "
        "https://northwind.com/orders/20931.",
        None,
    ),
    (
        AN,
        "Northwind Realty: the sale of 14 Birch Lane closed today. Your closing documents "
        "are in your client portal.",
        None,
    ),
    (
        AN,
        "Northwind Realty: 14 Birch Lane is under contract. The sale price and closing date "
        "are in your portal.",
        None,
    ),
    (
        AN,
        "Northwind Autos: the bill of sale for your vehicle is ready to sign in your account.",
        None,
    ),
    (
        AN,
        "Northwind Hotels: your stay May 3-5 is confirmed. Free cancellation until May 1 at 6pm.",
        None,
    ),
    (
        AN,
        "Northwind Realty: your offer on 88 Cedar Ct was accepted by the seller. Your agent "
        "will call you today.",
        None,
    ),
    (
        AN,
        "Northwind Title: your offer to purchase 9 Oak Way was received and is under review.",
        None,
    ),
    (
        AN,
        "Northwind Staffing: your job offer letter is ready to sign in the candidate portal.",
        None,
    ),
    (
        AN,
        "Northwind: your annual plan renews on [date] for $119.00. Manage renewal settings "
        "at northwind.com/account.",
        None,
    ),
    (
        AN,
        "Northwind Insurance: your renewal notice is ready. Your premium for the next 12 "
        "months is $642.",
        None,
    ),
    (
        AN,
        "Northwind: payment of $52.40 received on 03/14. Thank you! Your balance is now $0.00.",
        None,
    ),
    (
        AN,
        "Hi {first_name}, Northwind here: your March statement is ready at "
        "https://northwind.com/statements.",
        None,
    ),
    (
        AN,
        "Hi [first name], your Northwind subscription was canceled as you asked. You will "
        "not be charged again.",
        None,
    ),
    (
        AN,
        "Northwind: your autopay of $1,204.33 is set for June 1 from the account ending 4410.",
        None,
    ),
    (
        AN,
        "Northwind Library: the book you reserved is ready for pickup at the Main branch "
        "until [date].",
        None,
    ),
    (
        AN,
        "Northwind Utilities: planned maintenance will cut power at your address on 5/9 "
        "from 1-4pm.",
        None,
    ),
    (
        AN,
        "Northwind Fitness: your membership freeze starts tomorrow; no dues are billed "
        "while it lasts.",
        None,
    ),
    (
        AN,
        "Northwind Auto: your car is ready for pickup. Total due is $389.50 for the oil "
        "change and tire rotation.",
        None,
    ),
    (
        AN,
        "Northwind: a refund of $23.99 for order #5519 was issued to your card ending 2231.",
        None,
    ),
    (
        AN,
        "Northwind Dental: you're due for your 6-month cleaning. Call (555) 555-0134 to "
        "book a time.",
        None,
    ),
    (
        AN,
        "Northwind Property: rent of $1,450 is due on the 1st. Pay in the resident portal "
        "at https://portal.northwind.properties/pay",
        "https://northwind.properties",
    ),
    (
        AN,
        "Northwind: your kitchen remodel estimate is ready ($12,400). Review and sign at "
        "northwind.build/estimates/311",
        "https://northwind.build",
    ),
    (
        AN,
        "Northwind Storage: your unit payment is 10 days past due. Pay at "
        "northwind.com/pay to avoid a $20 late fee.",
        None,
    ),
    (
        AN,
        "Northwind: your free trial ends on [date]. After that your card will be charged "
        "$9.99/month unless you cancel in Settings.",
        None,
    ),
    (
        AN,
        "Northwind: we got your return. A $35.00 credit will post to your account in 3-5 days.",
        None,
    ),
    (
        AN,
        "Northwind Moving: your move is set for [date]. The crew arrives between 8 and 10am.",
        None,
    ),
    (AN, "Northwind: your mortgage payment of $1,812 was received on 4/2. Thank you.", None),
    (
        AN,
        "Northwind Market receipt: subtotal $40.00, member discount -$4.00, total "
        "$36.00. Thanks for shopping with us.",
        None,
    ),
    (
        AN,
        "Northwind Vet: Max is due for his rabies booster on [date]. Reply C to confirm the visit.",
        None,
    ),
    (
        AN,
        "Northwind Salon: your appointment with Dana is confirmed for Sat 10am. Reply R to "
        "reschedule.",
        None,
    ),
    (AN, "Northwind Energy: your bill of $88.12 is ready. It is due on [due date].", None),
    (
        AN,
        "Northwind Tickets: your 2 tickets for Saturday's 7pm show are in your account. "
        "Doors open at 6:30.",
        None,
    ),
    # Deliveries.
    (
        DN,
        "Northwind: your order #88213 has shipped! Track it at https://northwind.com/track/88213.",
        None,
    ),
    (DN, "Northwind: your package was delivered to your front porch at 2:14pm.", None),
    (DN, "Northwind Grocery: your driver Sam is 10 minutes away with your order.", None),
    (
        DN,
        "Northwind: your furniture arrives [date] between 9am and 1pm. Reply 1 to confirm or "
        "2 to reschedule.",
        None,
    ),
    (
        DN,
        "Northwind: we missed you today. We'll try again tomorrow, or pick up your parcel at "
        "12 Main St after 5pm.",
        None,
    ),
    (DN, "Northwind: your order (total $64.20) is ready for curbside pickup at spot 4.", None),
    (DN, "Northwind Pharmacy: your refill shipped by USPS and should arrive in 2-3 days.", None),
    (
        DN,
        "Northwind: weather is delaying your delivery. New estimated arrival: Friday, [date].",
        None,
    ),
    (
        DN,
        "Northwind Floral: your flowers for [recipient] were delivered at 11:02am. Photo: "
        "https://northwind.flowers/d/8812",
        "https://northwind.flowers",
    ),
    (
        DN,
        "Northwind: 2 items (total $58.40) shipped today. Track them at northwind.shop/t/5512",
        "https://northwind.shop",
    ),
    (
        AN,
        "Northwind: you earned 120 points on today's purchase. Your balance is 1,840 points.",
        None,
    ),
    (
        SA,
        "Northwind: someone tried to sign in with your password. If it wasn't you, update "
        "your password at https://northwind.com/security",
        None,
    ),
    (
        AN,
        "Northwind: your account will be closed on 5/1 as you requested. Your final bill is "
        "$12.40.",
        None,
    ),
    # Customer care.
    (
        CC,
        "Northwind Support: thanks for reaching out. Ticket #4471 is open and an agent "
        "will reply within 24 hours.",
        None,
    ),
    (
        CC,
        "Northwind: we're sending a replacement router as we discussed. The return label is "
        "in your email.",
        None,
    ),
    (
        CC,
        "Northwind: your repair visit is confirmed for [date]. Reply here with any questions.",
        None,
    ),
    (
        CC,
        "Northwind Support: your duplicate-charge case is resolved and a $19.99 refund was issued.",
        None,
    ),
    (
        CC,
        "Northwind: how did we do? Rate today's support chat from 1 to 5 by replying with a "
        "number.",
        None,
    ),
    (
        CC,
        "Northwind: you asked about your warranty. It covers parts and labor through 08/2027.",
        None,
    ),
    (
        CC,
        "Northwind: the part for your dishwasher is in. Reply with a time that works for "
        "installation.",
        None,
    ),
    (CC, "Northwind Care: following up on your call, your claim number is CLM-22841.", None),
    (
        CC,
        "Northwind Support: the fix for the sign-in problem you reported is live. Please "
        "try again and reply if it persists.",
        None,
    ),
    (
        CC,
        "Northwind: here is the page to update your card as you asked: "
        "https://northwind.com/billing",
        None,
    ),
    # Codes.
    (TWOFA, "Northwind: 739105 is your login code. It expires in 5 minutes. Never share it.", None),
    (
        TWOFA,
        "Your Northwind verification code is 4821. Don't share it; we will never call "
        "to ask for it.",
        None,
    ),
    (TWOFA, "Northwind: use code 558201 to confirm your payment of $250.00 to J. Smith.", None),
    (TWOFA, "Northwind: [code] is your one-time passcode to reset your password.", None),
    (
        TWOFA,
        "Northwind: your sign-in code is {code}. If you didn't request it, ignore this text.",
        None,
    ),
    (
        TWOFA,
        "Northwind Bank: 902104 approves your new device. We will never ask for your PIN "
        "or this code.",
        None,
    ),
    (TWOFA, "G-493021 is your Northwind verification code.", None),
    # Fraud alerts.
    (
        FA,
        "Northwind Bank: did you attempt a $612.40 purchase at BEST ELECTRONICS #114? Reply "
        "YES or NO.",
        None,
    ),
    (
        FA,
        "Northwind Bank: we declined a $1,200 charge at ONLINE GIFT SHOP on card ending "
        "2231. Reply 1 if it was you, 2 if not.",
        None,
    ),
    (
        FA,
        "Northwind Bank: we will never ask for your PIN, password or a code by text. If "
        "someone does, hang up and call the number on your card.",
        None,
    ),
    (
        FA,
        "Northwind CU: you replied NO, so your card ending 4410 is now locked. Call the "
        "number on the back of your card.",
        None,
    ),
    (
        FA,
        "Northwind Bank: a $4,800 wire to an account ending 9911 is on hold. Call "
        "(800) 555-0199 to confirm it was you.",
        None,
    ),
    (
        FA,
        "Northwind: a $49.99 purchase at DEAL DEPOT was made on your card. Reply NO if you "
        "don't recognize it.",
        None,
    ),
    (
        FA,
        "Northwind Bank: did you buy 4 gift cards for $500 at a store in Reno? Reply YES or NO.",
        None,
    ),
    (
        FA,
        "Northwind Bank: a $79.00 SUPER SALE OUTLET charge is pending on card ending 2231. "
        "Reply YES if it was you.",
        None,
    ),
    # Security alerts.
    (
        SA,
        "Northwind: your password was reset. If you didn't do this, secure your account at "
        "https://northwind.com/security.",
        None,
    ),
    (
        SA,
        "Northwind: two-step verification was turned off on your account. If this wasn't "
        "you, call (800) 555-0199.",
        None,
    ),
    (
        SA,
        "Northwind Alarm: the front door sensor at [address] opened at 2:41am. Reply OK to "
        "dismiss.",
        None,
    ),
    (
        SA,
        "Northwind: your email was changed to j***@mail.com. Not you? Contact us at "
        "northwind.com/help.",
        None,
    ),
    (
        SA,
        "Northwind: your account was locked after 5 failed sign-ins. Call (800) 555-0199 "
        "to unlock it.",
        None,
    ),
    (
        SA,
        "Northwind: new sign-in from Chrome on Windows. Not you? Reset your password at "
        "https://northwind.com/security.",
        None,
    ),
    (
        FA,
        "Northwind Bank: your new card is on its way. We will never text you asking for your "
        "card number or PIN.",
        None,
    ),
    (
        SA,
        "Northwind: please confirm your appointment to reset your device at "
        "https://northwind.com/visits",
        None,
    ),
    (
        FA,
        "Northwind Bank: your card will be locked now to protect you. Call (800) 555-0199 if "
        "you made these charges.",
        None,
    ),
    (AN, "Northwind: your lease renewal offer for Unit 4B is ready to review in the portal.", None),
    (AN, "Northwind Auto: your trade-in offer of $8,200 is valid until Friday.", None),
    (AN, "Northwind Realty: the seller accepted your counteroffer of $412,000.", None),
    (
        AN,
        "Northwind Insurance: claim #88231 is approved. Your payment of $740 is on its way.",
        None,
    ),
    (
        FA,
        "Northwind Bank: card ending 4410 was used at AMAZON MKTPLACE for $212.77. Reply YES "
        "if this was you, NO if not.",
        None,
    ),
    (
        CC,
        "Northwind Support: we got the photos of the damaged item. A replacement ships at no "
        "charge tomorrow.",
        None,
    ),
    (
        SA,
        "Northwind: we will never text you a link asking you to verify your account. Report "
        "suspicious texts to 7726.",
        None,
    ),
    (
        AN,
        "Northwind Realty: your deal to sell 55 Maple Ave closed today. Congratulations on the "
        "sale!",
        None,
    ),
    (AN, "Northwind Credit Union: your auto loan payment of $312 posted today. Thank you!", None),
    (AN, "Northwind Library: your loaned laptop is due back Friday.", None),
    (SA, "Northwind: this is a test of your new alarm panel we scheduled. No action needed.", None),
    (
        PSA,
        "Northwind County: residents will be notified when water service resumes on Elm St.",
        "https://northwindcounty.gov",
    ),
    (
        HE,
        "Northwind College: students will receive diplomas by mail in June.",
        "https://northwind.edu",
    ),
    (
        PSA,
        "Northwind County: this message is from the water department. Flushing on Oak St "
        "tonight may cloud tap water.",
        "https://northwindcounty.gov",
    ),
    (
        DN,
        "Northwind: the free gift you chose at checkout ships separately and arrives Monday.",
        None,
    ),
    (
        AN,
        "Northwind Pet: Bella's grooming is booked. Your total with the coupon you used is $45.",
        None,
    ),
    (
        FA,
        "Northwind Bank: a charge from PROMO PRINTS LLC for $64.00 was declined. Reply 1 if it "
        "was you.",
        None,
    ),
    (AN, "Northwind: your gift card balance is $18.40 after today's purchase.", None),
    (CC, "Northwind: as promised, we applied a $20 credit to your account for the outage.", None),
    # Public notices.
    (
        PSA,
        "Northwind County: a boil water notice is in effect for zip 98101 until further notice.",
        "https://northwindcounty.gov",
    ),
    (
        PSA,
        "Northwind City: street sweeping on Elm Ave tomorrow 8am-noon. Please move parked cars.",
        "https://northwindcounty.gov",
    ),
    (
        PSA,
        "Northwind County: cooling centers are open today 10am-8pm. Find one at "
        "northwindcounty.gov/cool",
        "https://northwindcounty.gov",
    ),
    (
        PSA,
        "Northwind Schools: schools are closed Monday for snow. Free meals for pickup at "
        "the high school 10-12.",
        "https://northwindcounty.gov",
    ),
    (
        PSA,
        "Northwind Fire: a burn ban is in effect through Sunday due to high winds.",
        "https://northwindcounty.gov",
    ),
    # Colleges.
    (
        HE,
        "Northwind College: your financial aid package is ready. Review it in the student "
        "portal at https://my.northwind.edu",
        "https://northwind.edu",
    ),
    (
        HE,
        "Northwind University: fall registration opens Monday at 8am for seniors.",
        "https://northwind.edu",
    ),
    (
        HE,
        "Northwind College: your tuition payment of $2,150 is due 8/15. Pay at "
        "my.northwind.edu/bursar",
        "https://northwind.edu",
    ),
    (
        HE,
        "Northwind University: your admission offer is waiting. Accept it by May 1 in the "
        "applicant portal.",
        "https://northwind.edu",
    ),
    (
        HE,
        "Northwind College: the library stays open until 2am during finals week.",
        "https://northwind.edu",
    ),
    (
        HE,
        "Northwind College: classes are canceled today due to a power outage. Check your "
        "email for updates.",
        "https://northwind.edu",
    ),
]

# (use case, sample, brand website, rule that must block).
BAD = [
    # Promotions and upsells in a delivery notice (DCA2 602, AWS USE_CASE_MISMATCH).
    (DN, "Northwind: your order shipped! Use code SAVE15 for 15% off your next order.", None, "S8"),
    (
        DN,
        "Northwind: your package was delivered. Enjoy free shipping on your next purchase "
        "this week!",
        None,
        "S8",
    ),
    (
        DN,
        "Northwind: your order is out for delivery. Shop our new summer collection at "
        "northwind.com/new",
        None,
        "S8",
    ),
    (DN, "Northwind: delivered! Here's a coupon for $10 off orders over $50: NW10.", None, "S8"),
    (
        DN,
        "Northwind: your order has shipped. Don't miss our flash sale this weekend only.",
        None,
        "S8",
    ),
    (DN, "Northwind: your parcel arrives Friday. Add a second item and get 20% off.", None, "S8"),
    (DN, "Northwind: your order shipped. Refer a friend and you both get $10.", None, "S8"),
    (
        DN,
        "Northwind: your box arrives Friday. Add anything from our bakery for just $4.99 - "
        "reply ADD.",
        None,
        "S8",
    ),
    # An upsell in a code.
    (
        TWOFA,
        "Northwind: your code is 482019. Upgrade now to Northwind Premium for faster support!",
        None,
        "S8",
    ),
    (TWOFA, "Northwind: 482019 is your login code. Upgrade now and get 2 months free.", None, "S8"),
    (TWOFA, "Northwind: your code is 5512. Upgrade today for ad-free browsing!", None, "S8"),
    (
        TWOFA,
        "Northwind: your verification code is 3391. Get 50% off your first month when "
        "you subscribe.",
        None,
        "S8",
    ),
    (
        TWOFA,
        "Northwind: use 771203 to log in. Check out our new rewards program at "
        "northwind.com/rewards",
        None,
        "S8",
    ),
    (TWOFA, "Northwind: 661820 is your code. Try Northwind Plus free for 30 days!", None, "S8"),
    (
        TWOFA,
        "Northwind: your code is 204981. Don't forget our holiday sale ends Sunday!",
        None,
        "S8",
    ),
    (
        TWOFA,
        "Northwind: 48201 is your code. Earn double points on every purchase this week!",
        None,
        "S8",
    ),
    # A reward pitch in a fraud or security alert.
    (
        FA,
        "Northwind Bank: suspicious activity on your card. Did you know our Platinum card "
        "earns 3% cash back?",
        None,
        "S8",
    ),
    (
        FA,
        "Northwind Bank: reply YES if you made this purchase. Plus, earn 5,000 bonus points "
        "when you open a savings account!",
        None,
        "S8",
    ),
    (
        FA,
        "Northwind Bank: unusual card activity. Reply YES if it was you. As a thank-you, "
        "enjoy 10% off at our partner stores!",
        None,
        "S8",
    ),
    (
        SA,
        "Northwind Alarm: door sensor triggered. Protect more of your home: add cameras "
        "for 30% off.",
        None,
        "S8",
    ),
    # Promotions under customer care.
    (
        CC,
        "Northwind Support: your ticket is closed. As thanks, here's 20% off your next "
        "purchase with code THANKS20.",
        None,
        "S8",
    ),
    (
        CC,
        "Northwind: thanks for chatting with us! Our spring sale starts tomorrow, shop now "
        "at northwind.com",
        None,
        "S8",
    ),
    (
        CC,
        "Northwind Care: we fixed your issue. Did you know we now offer home security "
        "bundles? Reply YES to learn more.",
        None,
        "S8",
    ),
    (
        CC,
        "Northwind Support: your case is resolved. Upgrade to Northwind Pro today and skip "
        "the line next time.",
        None,
        "S8",
    ),
    (
        CC,
        "Northwind: thank you for your call. Don't miss our exclusive member deals this week!",
        None,
        "S8",
    ),
    (
        CC,
        "Northwind: your return was processed. New arrivals just dropped, take a look at "
        "northwind.com/new",
        None,
        "S8",
    ),
    (
        CC,
        "Northwind Support: we're here to help! Save $50 on our annual plan if you switch today.",
        None,
        "S8",
    ),
    (
        CC,
        "Northwind: your repair is booked. Add our maintenance plan for only $9/mo, reply "
        "ADD to join.",
        None,
        "S8",
    ),
    # Promotions in account and public notices.
    (
        AN,
        "Northwind: your appointment is confirmed. Book a second service this month and get "
        "15% off.",
        None,
        "S8",
    ),
    (
        AN,
        "Northwind: receipt $54.10. Limited-time: buy one, get one free on all candles!",
        None,
        "S8",
    ),
    (
        PSA,
        "Northwind County: the library is closed Monday. Shop the Friends of the Library "
        "book sale, 50% off all titles!",
        "https://northwindcounty.gov",
        "S8",
    ),
    (DN, "Northwind: your order shipped! P.S. Members save an extra 25% this weekend.", None, "S8"),
    (
        TWOFA,
        "Northwind: code 449012. Want faster checkout? Join Northwind Plus for $4.99/mo.",
        None,
        "S8",
    ),
    (
        CC,
        "Northwind: thanks for your patience. Treat yourself: all jackets are half price.",
        None,
        "S8",
    ),
    (
        FA,
        "Northwind Bank: suspicious charge blocked. Apply for our new travel card and get "
        "50,000 miles.",
        None,
        "S8",
    ),
    (
        AN,
        "Northwind: your appointment is Monday. Mention this text for a free upgrade to a "
        "deluxe wash.",
        None,
        "S8",
    ),
    (
        FA,
        "Northwind Bank: to release the hold on your card, reply with the 3-digit code on the "
        "back.",
        None,
        "S13",
    ),
    (CC, "Northwind: happy to help! Psst, our BOGO event starts Friday.", None, "S8"),
    (
        FA,
        "Northwind Bank: your debit card has been restricted. Visit "
        "https://northwind-card.help to restore access.",
        None,
        "S13",
    ),
    (
        SA,
        "Northwind: account alert! Confirm your login at https://northwind.com.secure-check.io",
        None,
        "S13",
    ),
    # A price cut written as "less".
    (AN, "Northwind: pay 20% less on all boots this week only.", None, "S8"),
    (
        DN,
        "Northwind: your order shipped! Get your next one for $10 less with code SHIP10.",
        None,
        "S8",
    ),
    (
        CC,
        "Northwind Auto: tune-ups are $40 less through Sunday. Book at northwind.com/book",
        None,
        "S8",
    ),
    # An unsecured link is refused even on the brand's own domain (Twilio 30892).
    (
        DN,
        "Northwind: your order shipped. Track it at http://northwind.com/track/{order_id}. "
        "Reply STOP to opt out.",
        None,
        "S13",
    ),
    (
        AN,
        "Northwind: your statement is ready at HTTP://northwind.com/statements",
        None,
        "S13",
    ),
    (
        CC,
        "Northwind: your repair ticket is closed. Rate us: http://www.northwind.com/rate",
        None,
        "S13",
    ),
    (
        DN,
        "Northwind: your package shipped. Spend $50 more and get free express shipping.",
        None,
        "S8",
    ),
    (
        TWOFA,
        "Northwind: code 559201. Members get early access to our summer collection!",
        None,
        "S8",
    ),
    (
        FA,
        "Northwind Bank: card secured. Open a savings account today and earn 4.5% APY!",
        None,
        "S8",
    ),
    # Undeclared lending pitched in a notice.
    (
        AN,
        "Northwind: your payment posted. You're pre-approved for a personal loan of up to "
        "$5,000! Apply at northwind.com/loans",
        None,
        "U1",
    ),
    (
        AN,
        "Northwind: your bill is ready. Need cash fast? Get a loan in minutes at "
        "northwind.com/cash",
        None,
        "U1",
    ),
    (
        AN,
        "Northwind: your renewal is complete. Refinance your auto loan today and lower your rate!",
        None,
        "U1",
    ),
    # Phishing wording: threats, prizes, credential requests (CTIA 5.4).
    (
        FA,
        "Northwind Bank: URGENT: your account has been suspended. Verify your identity at "
        "https://northwind.com/verify",
        None,
        "S13",
    ),
    (
        AN,
        "Northwind: your account will be suspended within 24 hours unless you confirm your "
        "details at https://northwind.com/verify",
        None,
        "S13",
    ),
    (
        SA,
        "Northwind: your account will be closed today. Log in now at "
        "https://northwind.com/login to keep it open.",
        None,
        "S13",
    ),
    (
        FA,
        "Northwind Bank: unusual activity detected. Confirm your card number and PIN at "
        "https://northwind.com/secure",
        None,
        "S13",
    ),
    (
        SA,
        "Northwind: we noticed a sign-in problem. Reply with your password to keep your "
        "account active.",
        None,
        "S13",
    ),
    (
        FA,
        "Northwind Bank: your card is locked. Tap the link to unlock it: "
        "https://northwind.com/unlock",
        None,
        "S13",
    ),
    (AN, "Northwind: you've won a $500 gift card! Claim it at northwind.com/prize", None, "S13"),
    (
        SA,
        "Northwind Security: your account is frozen. Pay the $25 reactivation fee at "
        "https://northwind.com/fee",
        None,
        "S13",
    ),
    (
        FA,
        "Northwind Bank: a $89 charge was declined. To stop it, text us your Social "
        "Security number.",
        None,
        "S13",
    ),
    (
        HE,
        "Northwind University: your student account is suspended. Verify your identity at "
        "https://my.northwind.edu/verify",
        "https://northwind.edu",
        "S13",
    ),
    # Links to a domain that is not the brand's.
    (DN, "Northwind: track your package at https://parcel-status.net/NW5512", None, "S13"),
    (
        DN,
        "Northwind: your order shipped, details at https://northwind-track-delivery.com/5512",
        None,
        "S13",
    ),
    (AN, "Northwind: see your bill at www.northwind-billing.net/view", None, "S13"),
    (
        HE,
        "Northwind College: pay your tuition at https://tuition-pay-now.com/nw",
        "https://northwind.edu",
        "S13",
    ),
    (
        AN,
        "Northwind: your payment is late. Pay at https://northwind-pay.xyz or your service "
        "will be cut off.",
        None,
        "S13",
    ),
    # Public shorteners.
    (DN, "Northwind: track your order at https://bit.ly/3xYz12", None, "S6"),
    (
        AN,
        "Northwind: your appointment is tomorrow at 3pm. Directions: https://goo.gl/maps/ab12",
        None,
        "S6",
    ),
    (AN, "Northwind: view your statement at https://ow.ly/ab12", None, "S6"),
    (AN, "Northwind: your invoice is ready: rb.gy/x1y2", None, "S6"),
    (SA, "Northwind: your account was compromised, secure it at tinyurl.com/nw-secure", None, "S6"),
    # Not a real message.
    (DN, "Customers will receive a text when their order ships, with a tracking link.", None, "S5"),
    (AN, "This message will remind the patient of their appointment time.", None, "S5"),
    (AN, "Messages sent to members to confirm bookings and changes.", None, "S5"),
    (AN, "We will send customers a reminder 24 hours before the service visit.", None, "S5"),
    (AN, "Northwind test message, please ignore this text.", None, "S5"),
    (AN, "This is a test of the Northwind notification system.", None, "S5"),
]


def _id(case):
    return f"{case[0]}: {case[1][:60]}"


@pytest.mark.parametrize(("usecase", "sample", "website"), GOOD, ids=[_id(c) for c in GOOD])
def test_a_transactional_sample_raises_no_must_fix(usecase, sample, website):
    assert judge(usecase, sample, website or "https://northwind.com") == []


@pytest.mark.parametrize(
    ("usecase", "sample", "website", "rule_id"), BAD, ids=[_id(c) for c in BAD]
)
def test_a_sample_that_breaks_a_rule_is_blocked_by_it(usecase, sample, website, rule_id):
    assert rule_id in judge(usecase, sample, website or "https://northwind.com")


def test_the_bank_is_broad():
    assert len(GOOD) >= 80 and len(BAD) >= 50
    assert {u for u, *_ in GOOD} == set(DESCRIPTIONS) - {"CHARITY"}


# A non-profit's CHARITY campaign: outreach, giving and volunteering fit; its own patients' or
# clients' service notices alone are ACCOUNT_NOTIFICATION (DCA2 602).
CHARITY_CASES = [
    (
        [
            "Northwind Community Fund: our coat drive runs through Friday. Drop coats at 40 "
            "Elm St. Reply STOP to opt out.",
            "Northwind Community Fund: thank you for your $25 gift! Your receipt is in your email.",
        ],
        False,
    ),
    (
        [
            "Northwind Community Fund: your volunteer shift is Saturday 9am at the pantry. "
            "Reply STOP to opt out.",
            "Northwind Community Fund: the pantry is open late Thursday for families who need "
            "groceries.",
        ],
        False,
    ),
    (
        [
            "Northwind Rescue: adoption day Sunday 11-3 at the community center. 14 dogs are "
            "looking for homes! Reply STOP to opt out.",
            "Northwind Rescue: our dental clinic day for pets is full; the next appointment "
            "day opens in May.",
        ],
        False,
    ),
    (
        [
            "Northwind Health Center: reminder of your appointment Tue 3/4 at 10am with Dr. "
            "Lee. Reply STOP to opt out.",
            "Northwind Health Center: your lab work is tomorrow at 7am; do not eat after midnight.",
        ],
        True,
    ),
    (
        [
            "Northwind Health Center: your prescription refill is ready at the front desk. "
            "Reply STOP to opt out.",
            "Northwind Health Center: your check-up is confirmed for Friday at 1pm.",
        ],
        True,
    ),
    (
        [
            "Northwind Legal Aid: your appointment with your attorney is Monday at 9am. Reply "
            "STOP to opt out.",
            "Northwind Legal Aid: your visit is moved to 10am; please bring your lease.",
        ],
        True,
    ),
]


@pytest.mark.parametrize(("samples", "blocked"), CHARITY_CASES)
def test_charity_samples_are_outreach_not_a_clinics_own_notices(samples, blocked):
    rules = judge("CHARITY", "", "https://northwind.org", entity="NON_PROFIT", samples=samples)
    assert ("S8" in rules) is blocked, rules

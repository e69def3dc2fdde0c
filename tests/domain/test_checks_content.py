"""compliance.checks: restricted and refused content, list sourcing, lead generation, bundled
consent and agencies registered as the brand, as businesses phrase them.

Classes come from the published lists (Twilio's forbidden message categories and its 30xxx
error pages, AWS End User Messaging's disallowed and age-restricted content, CTIA's Messaging
Principles 4.1-4.2 and 5.2-5.4, T-Mobile's code of conduct, Bandwidth's vetting codes). Each
bad case is written the way a business would describe its own program, without naming the
category; each good case is a legitimate business that reads like one of them and must pass
with no must-fix finding.
"""

import pytest

from compliance.checks import BrandContext, CampaignContent, Severity, check_campaign

E = Severity.ERROR

FLOW = (
    "Customers opt in on our website {site}/sms by entering their number and ticking an "
    "unchecked box that reads: 'Yes, text me {name} messages. Up to 4 msgs/month. Msg & data "
    "rates may apply. Reply HELP for help, STOP to opt out.' Privacy: {site}/privacy Terms: "
    "{site}/terms"
)


def make(name, text, where="sample", usecase="MARKETING", **wire):
    slug = "".join(ch for ch in name.lower() if ch.isalnum())[:20]
    site = f"https://{slug}.com"
    brand = BrandContext(
        display_name=name,
        company_name=f"{name} LLC",
        website=site,
        entity_type="PRIVATE_PROFIT",
        vertical=wire.pop("vertical", "RETAIL"),
        email=f"hello@{slug}.com",
        phone="+15125550142",
        identity_status="VERIFIED",
    )
    data = {
        "usecase": usecase,
        "description": f"{name} sends offers, news and updates to customers who opted in on "
        "our website.",
        "messageFlow": FLOW.format(site=site, name=name),
        "sample1": f"{name}: thanks for joining our texts! Up to 4 msgs/month. Reply STOP to "
        "opt out, HELP for help.",
        "sample2": f"{name}: our holiday hours are posted at {site}/hours. See you soon!",
        "optinKeywords": "START",
        "optinMessage": f"{name}: you're subscribed. Up to 4 msgs/month. Msg & data rates may "
        "apply. Reply HELP for help, STOP to opt out.",
        "optoutKeywords": "STOP,END,CANCEL,UNSUBSCRIBE,QUIT",
        "optoutMessage": f"{name}: you have been unsubscribed and will no longer receive messages.",
        "helpKeywords": "HELP,INFO",
        "helpMessage": f"{name}: for help call (512) 555-0142 or email hello@{slug}.com. Reply "
        "STOP to opt out.",
        "embeddedLink": True,
        "embeddedPhone": False,
        "subscriberOptin": True,
        "subscriberOptout": True,
        "subscriberHelp": True,
        "privacyPolicyLink": f"{site}/privacy",
        "termsAndConditionsLink": f"{site}/terms",
        "termsAndConditions": True,
    }
    if where == "sample":
        data["sample3"] = f"{name}: {text} Reply STOP to opt out."
    elif where == "description":
        data["description"] = f"{name} {text}"
    elif where == "flow":
        data["messageFlow"] = text + " " + FLOW.format(site=site, name=name)
    data.update(wire)
    return CampaignContent.from_wire(data, brand=brand)


def bad(rule, name, text, where="sample", **wire):
    return pytest.param(rule, name, text, where, wire, id=f"{rule}-{name}")


def good(name, text, where="sample", **wire):
    return pytest.param(name, text, where, wire, id=name)


# --- Refused or restricted content (S9; U1 and U2 where the content needs an attribute) ------

BAD_CONTENT = [
    # Prescription, compounded and weight-loss drugs offered without a prescriber (Twilio
    # forbidden categories: prescription drugs without a prescription; T-Mobile code of conduct)
    bad(
        "S9", "Glow Med Spa", "semaglutide shipped to your door, no appointment, first month $149."
    ),
    bad("S9", "Lean Lab", "compounded tirzepatide is back! Start your plan today at $299 a month."),
    bad(
        "S9", "Slim Direct", "skip the waiting room: GLP-1 injections delivered, no consult needed."
    ),
    bad("S9", "Vital Peptides", "BPC-157 and TB-500 vials restocked. For research use only."),
    bad(
        "S9",
        "Rx Express Online",
        "order Adderall and Xanax online, no script needed, ships overnight.",
    ),
    bad("S9", "Man Up Health", "ED pills shipped discreetly, no doctor visit required."),
    bad("S9", "Renew Wellness", "testosterone cream 20% off this week, no labs or exam needed."),
    bad("S9", "Iron Gains", "SARMs stack drop: 3 bottles for $120 while they last."),
    bad("S9", "Weightless Clinic", "Ozempic-style shots for $199/month, no prescription required."),
    # Cannabis, hemp-THC, psychedelics, kratom (SHAFT: cannabis and illegal drugs)
    bad(
        "S9",
        "Green Leaf Collective",
        "new indica strains in: Purple Punch and Gelato, eighths $25.",
    ),
    bad("S9", "High Desert Co", "THC seltzers are back in the cooler, 4-packs $20."),
    bad("S9", "Cloud Nine Goods", "microdose mushroom caps just dropped, 10 for $40."),
    bad("S9", "Tropic Botanicals", "kratom capsules buy 2 get 1 free."),
    bad("S9", "Amber Glass Co", "new dab rigs and glass water pipes on the wall, 15% off."),
    bad("S9", "Canyon Wellness", "our 420 specials start Friday, infused gummies half price."),
    bad("S9", "Fungi Friends", "shroom chocolate bars back in stock, DM for flavors."),
    bad("S9", "Hemp House", "live resin carts 2 for $50 this weekend only."),
    # Vape, nicotine pouches, hookah (tobacco promotion, not on 10DLC)
    bad("S9", "Vapor Lane", "salt nic juice and pod systems 25% off all week."),
    bad("S9", "Corner Smoke", "nicotine pouches 3 cans for $12, all flavors."),
    bad("S9", "Sahara Lounge", "new shisha flavors tonight, hookah for 2 just $25."),
    # Gambling: betting tips, fantasy for cash, sweepstakes casinos, skill games
    bad("S9", "Sharp Edge Picks", "today's lock of the day: take the over, 5 units."),
    bad("S9", "Vegas Insider", "our VIP picks hit 8-2 last night. Unlock tonight's card for $29."),
    bad(
        "S9", "Gridiron League", "fantasy football leagues with cash payouts every week, join now."
    ),
    bad("S9", "Lucky Reels", "redeem your gold coins for cash prizes, 500 free coins waiting."),
    bad("S9", "Handicap Pros", "our horse racing handicapper's top plays for Saturday are in."),
    bad("S9", "Arcade Cash", "skill machines paying out, come play and win real cash."),
    bad("S9", "Bracket Kings", "March bracket challenge $25 to enter, winner takes the pot."),
    # Risk investment, crypto and forex signals, get rich quick, work from home, MLM
    bad("S9", "Pip Masters", "forex signals for today: 3 trades, 92% win rate last month."),
    bad("S9", "Alpha Trades", "our options alerts turned $500 into $4,000 this week."),
    bad("S9", "Moon Token", "presale opens at noon, 100x potential, don't miss it."),
    bad("S9", "Robo Yield", "our AI trading bot delivers guaranteed returns every month."),
    bad("S9", "Freedom Path", "work from home and make $300 a day from your phone, no experience."),
    bad("S9", "Cash Flow Club", "passive income from home: double your money in 30 days."),
    bad("S9", "Envelope Jobs", "earn $1,200 weekly stuffing envelopes at your kitchen table."),
    bad("S9", "Airdrop Alerts", "claim your free airdrop before the snapshot tonight."),
    bad("S9", "Copy Trader", "copy our trades automatically and let the profits roll in."),
    # High-risk finance: debt relief, tax debt, loan forgiveness, credit repair, collections
    bad(
        "S9",
        "Clear Path Financial",
        "you may qualify to have your student loans forgiven. Reply YES.",
    ),
    bad("S9", "Tax Shield Group", "owe back taxes? An offer in compromise can settle it for less."),
    bad("S9", "Fresh Start Solutions", "one low monthly payment and cut what you owe in half."),
    bad("S9", "Score Boost", "we got 3 late payments off your report this round!"),
    bad("S9", "Apex Recovery", "final notice regarding the balance you owe the original creditor."),
    bad("S9", "Relief Now", "student loan relief: lower your payment to $0 under new programs."),
    # Firearms, ammunition and accessories
    bad(
        "S9", "Trailhead Outfitters", "suppressors and 80% lowers back in stock, ships to your FFL."
    ),
    bad("S9", "Range Day Supply", "9mm 1000 rounds for $289 this weekend."),
    bad("S9", "Liberty Arms", "30-round mags 5 for $60 and holsters 20% off."),
    bad("S9", "Bulk Brass Co", "reloading primers and brass in stock, limit 2 per customer."),
    # Adult content and dating
    bad("S9", "Sweet Arrangements", "sugar daddies near you are waiting, browse profiles."),
    bad("S9", "Night Match", "singles in your area want to meet tonight, no strings."),
    # Lending offered without the direct-lending attribute (U1)
    bad("U1", "Quick Funds", "get up to $5,000 deposited tomorrow, easy monthly payments."),
    bad("U1", "Capital Bridge", "working capital for your shop in 24 hours, apply in minutes."),
    bad("U1", "Main Street Funding", "get funded today: $10K-$250K for small businesses."),
    bad("U1", "Quick Funds", "personal loans up to $3,000 with approval in minutes. Apply today."),
    # Alcohol without an age gate (U2)
    bad("U2", "Hop Yard", "tap takeover Thursday: 12 new IPAs and two stouts on draft."),
    bad("U2", "Barrel Room", "new craft spirits from our distillery, tasting flights $15."),
    bad("U2", "Bottle Shop", "champagne and prosecco 15% off for New Year's Eve."),
    bad("U2", "Sakura House", "sake and soju specials all weekend."),
    bad("U2", "Agave Cantina", "mezcal flights and bottomless mimosas at brunch."),
]

# --- List sourcing and bundled consent (M4) --------------------------------------------------

BAD_CONSENT = [
    bad(
        "M4",
        "Roof Masters",
        "We text homeowners listed on the county's new building-permit reports.",
        "flow",
    ),
    bad(
        "M4",
        "Solar Now",
        "Leads come from our co-reg partners, who collect opt-ins on their sites.",
        "flow",
    ),
    bad(
        "M4", "Prime Auto Glass", "We add numbers from our sister company's customer file.", "flow"
    ),
    bad(
        "M4",
        "Fit Club",
        "Texting is included with membership; members receive promos automatically.",
        "flow",
    ),
    bad("M4", "Hometown Rentals", "Signing the lease opts tenants into our texts.", "flow"),
    bad("M4", "Auto Mart", "Consent to marketing texts is a condition of the financing.", "flow"),
    bad(
        "M4",
        "Quick Stop",
        "Phone numbers collected at checkout for receipts are also used for our promotions.",
        "flow",
    ),
    bad("M4", "Style Box", "Every purchase includes text updates and offers from us.", "flow"),
    bad(
        "M4",
        "Insure Leads",
        "We buy aged opt-in leads from lead vendors and text them quotes.",
        "flow",
    ),
    bad(
        "M4",
        "Growth Co",
        "Our list was built from numbers on business websites and Google listings.",
        "flow",
    ),
    bad("M4", "Realty Pros", "We text owners of expired listings pulled from the MLS.", "flow"),
    bad("M4", "Event Hub", "Attendees' numbers come from the ticketing company's export.", "flow"),
    bad(
        "M4",
        "Grand Hotel",
        "Guests who book a room are signed up automatically for our offers.",
        "flow",
    ),
    bad("M4", "Career Link", "We text candidates whose resumes we found on job boards.", "flow"),
    bad(
        "M4",
        "Senior Care Plus",
        "Numbers are appended to our mailing list by a data provider.",
        "flow",
    ),
    bad(
        "M4", "Dent Fixers", "We text drivers from accident reports filed with the police.", "flow"
    ),
    bad("M4", "Medicare Help", "We purchase opt-in lists of seniors from list brokers.", "flow"),
    bad(
        "M4",
        "Vacation Club",
        "Numbers come from a sweepstakes entry form run by our partners.",
        "flow",
    ),
    bad("M4", "Pet Depot", "Creating a loyalty account enrolls you in promotional texts.", "flow"),
    bad("M4", "City Gym", "All new members get marketing texts; it's part of joining.", "flow"),
]

# --- Lead generation and affiliate marketing (S10) -------------------------------------------

BAD_LEADS = [
    bad("S10", "Rate Finder", "see the lowest auto insurance rates from top carriers in your zip."),
    bad(
        "S10",
        "Solar Quotes",
        "you qualify for a $0 solar install! A local installer will call you today.",
    ),
    bad("S10", "Loan Match", "great news, we've matched you with 3 lenders for your refinance."),
    bad("S10", "Move Smart", "tell us about your move and get up to 5 free quotes."),
    bad("S10", "Deal Daily", "today's exclusive offers from our sponsors are inside."),
    bad("S10", "Claim Center", "you may be entitled to compensation. Tap to see if you qualify."),
    bad("S10", "Earn With Us", "promote our products and earn 30% commission on every sale."),
    bad("S10", "Home Pros", "several contractors near you are ready to bid on your remodel."),
    bad(
        "S10",
        "Coverage Compare",
        "sends consumers quotes from insurance agencies that buy their inquiries.",
        "description",
    ),
    bad(
        "S10",
        "Lead Engine",
        "generates leads for mortgage brokers and texts the consumers who fill out our forms.",
        "description",
    ),
    bad(
        "S10",
        "Benefit Finder",
        "connects seniors with licensed agents who sell Medicare plans.",
        "description",
    ),
    bad(
        "S10",
        "Deal Hunter",
        "texts shoppers deals from retailers whose links pay us a commission.",
        "description",
    ),
]

# --- Agencies and platforms registered as the brand (B6) -------------------------------------

BAD_AGENCY = [
    bad(
        "B6",
        "Bright Reach Marketing",
        "texts promotions to the guests of the restaurants we represent.",
        "description",
    ),
    bad(
        "B6",
        "Salon Suite Software",
        "sends booking reminders for every salon that signs up with us.",
        "description",
    ),
    bad(
        "B6",
        "Dealer Connect",
        "handles texting for the car dealerships we serve, under each dealership's name.",
        "description",
    ),
    bad(
        "B6",
        "Practice Pulse",
        "sends recall reminders for the dental offices we manage marketing for.",
        "description",
    ),
    bad(
        "B6",
        "Spark Agency",
        "runs text campaigns for our clients' customers across many industries.",
        "description",
    ),
    bad(
        "B6",
        "Rentwise",
        "lets property managers text their tenants through our portal.",
        "description",
    ),
    bad("B6", "Menu Buzz", "powers SMS loyalty clubs for independent pizzerias.", "description"),
    bad(
        "B6",
        "Clinic Cloud",
        "is the software our member clinics use to remind their patients.",
        "description",
    ),
]


# Second round, worded afresh after the fixes above (generalisation, not the same phrases).
BAD_ROUND2 = [
    bad(
        "S9",
        "Body Reset Med Spa",
        "your first month of GLP-1 therapy is only $179, meds mailed to you.",
    ),
    bad(
        "S9",
        "Telehealth Now",
        "get tirzepatide without an office visit, approved online in 10 minutes.",
    ),
    bad("S9", "Cali Green Delivery", "sativa pre-packs and infused drinks delivered tonight, 21+."),
    bad("S9", "Smoke Signals", "new glass bongs and rolling papers just landed."),
    bad(
        "S9", "Secret Shopper Jobs", "get paid to shop! Mystery shoppers earn $250 per assignment."
    ),
    bad("S9", "Elite Picks", "tonight's premium picks are live: 3 plays, 5 units on the first."),
    bad("S9", "Coin Rocket", "new meme coin launching Friday, get in early for 50x gains."),
    bad("S9", "Debt Free Path", "reduce what you owe by up to 60% with one monthly payment."),
    bad("S9", "Tactical Depot", "new suppressor models just arrived, tax stamp help included."),
    bad("S9", "Bayou Ammo", "12 gauge 250 shells for $99 at the counter all week."),
    bad("S9", "Home Income Network", "moms are earning $500 a week from home, ask me how."),
    bad("S9", "FX Academy", "join our forex room: live trade calls every morning."),
    bad("S9", "Loan Relief Center", "your student loans may qualify for forgiveness, call today."),
    bad("U2", "Copper Kettle Pub", "Guinness and Irish stouts on draft for St. Patrick's Day."),
    bad(
        "U1", "Fast Lane Capital", "receive up to $25,000 wired to your business account by Friday."
    ),
    bad(
        "M4",
        "Storm Roofing",
        "We reach homeowners named on insurance claim reports after each storm.",
        "flow",
    ),
    bad("M4", "Spa Club", "Booking any service enrolls guests in our VIP text offers.", "flow"),
    bad(
        "M4", "Tri-County Auto", "Numbers are from our parent company's customer database.", "flow"
    ),
    bad(
        "S10",
        "Insure Smart",
        "compare plans from 40+ insurers and a licensed partner agent will call you.",
    ),
    bad(
        "S10",
        "Injury Help Line",
        "you could qualify for a cash settlement. Reply YES to learn more.",
    ),
    bad(
        "B6",
        "Chair Time",
        "lets barbershops send appointment reminders to their clients from our app.",
        "description",
    ),
]

# Third round, worded afresh again: clientele named by what makes it one, public-sector lists,
# numbers handed over by other businesses, "agree to all communications", requests shopped to
# many lenders or sent out to several contractors, no-Rx and research-grade drugs, varietals.
BAD_ROUND3 = [
    bad(
        "B6",
        "Table Ready",
        "sends waitlist texts on behalf of the cafes and bistros that subscribe to our service.",
        "description",
    ),
    bad(
        "B6",
        "Glow Marketing Group",
        "manages the text clubs of 30 local boutiques, each sending in its own name.",
        "description",
    ),
    bad(
        "B6",
        "Pulse Reach",
        "texts patients of the chiropractors who hire us to fill their schedules.",
        "description",
    ),
    bad(
        "B6",
        "Book Easy",
        "is used by tutors and coaches to text reminders to their students.",
        "description",
    ),
    bad(
        "M4",
        "Lawn Kings",
        "We text new homeowners from the county deed transfer list each month.",
        "flow",
    ),
    bad(
        "M4",
        "Med Supply Co",
        "Doctors' offices send us their patients' numbers so we can text supply offers.",
        "flow",
    ),
    bad("M4", "Travel Deals", "Numbers come from contest entries at partner websites.", "flow"),
    bad(
        "M4",
        "Gym Plus",
        "Members who sign the membership contract agree to all communications, including "
        "promotional texts.",
        "flow",
    ),
    bad(
        "M4",
        "Car Wash Club",
        "Signing up for the unlimited wash plan means you'll get our promo texts.",
        "flow",
    ),
    bad("S10", "Rate Hunters", "we shop your info to over 20 lenders to find the best rate."),
    bad("S10", "Quote Hub", "your request went out to 4 local roofers; expect their calls today."),
    bad(
        "S10",
        "Benefit Link",
        "see which plans you qualify for; a partner advisor will follow up by text.",
    ),
    bad("S9", "Vape Nation", "new disposable flavors in, 2 for $30."),
    bad("S9", "Pharma Direct", "no-Rx Tramadol and Soma, fast shipping."),
    bad("S9", "Spin Kings", "claim 100 free sweeps coins and play for real prizes."),
    bad("S9", "Bet Smart", "our handicappers went 14-3 this week; get tomorrow's card."),
    bad(
        "S9", "Wellness Peptide Co", "semaglutide and retatrutide vials available, research grade."
    ),
    bad("U2", "Vino Bar", "half-price bottles of Malbec and Pinot on Wednesdays."),
]

# Fourth round: prices after the drug, flower by weight and extract, kratom by vein, a spin to
# win cash, income streams, hot singles, negotiating with card companies, pouch flavours,
# cash offers from local investors, a pet or other registry as the source, consent that is
# part of the terms, an agency that offers businesses a texting program.
BAD_ROUND4 = [
    bad(
        "S9",
        "Slim Script",
        "medical weight loss without the waitlist: GLP-1 pens from $249 a month.",
    ),
    bad("S9", "Green Cross", "top-shelf flower and live rosin now on the menu, order for pickup."),
    bad("S9", "Leaf and Vein", "new red vein capsules and shots behind the counter."),
    bad("S9", "Lucky Stars", "your daily free spin is waiting, win up to $1,000 cash."),
    bad("S9", "Wealth Builders", "turn $250 into a monthly income stream with our trading system."),
    bad("S9", "Gun Locker", "AR-15 rifles starting at $599 this week only."),
    bad("S9", "Night Owl", "hot local girls want to chat, tap to see photos."),
    bad("S9", "Debt Rescue", "we negotiate with your credit card companies so you pay less."),
    bad("S9", "Pouch Spot", "new pouch flavors in: mint, citrus, coffee, 5 cans for $20."),
    bad("S10", "Policy Pal", "we've found 6 insurers that want to quote you, tap to view."),
    bad("S10", "Home Value Co", "get cash offers from local investors for your house in 24h."),
    bad("M4", "Vet Plus", "We text pet owners using numbers from the microchip registry.", "flow"),
    bad("M4", "Fresh Meals", "Consent to SMS is part of our terms you accept at checkout.", "flow"),
    bad(
        "B6",
        "Loyal Loop",
        "offers restaurants an SMS rewards program their diners join at the table.",
        "description",
    ),
    bad("U2", "Barrel House", "new bourbon flight and our rye of the month, $12."),
]

# Fifth round: weight-loss shots mailed monthly, budtenders' strains, cashed plays and the
# night's slip, dealers competing for the reader, a list taken from an association, vendors
# handing over numbers, a platform for any business that signs up.
BAD_ROUND5 = [
    bad(
        "S9", "Quick Slim", "weight loss injections mailed monthly, telehealth approval in minutes."
    ),
    bad("S9", "Cannabliss", "our budtenders picked this week's favorite strains, 15% off."),
    bad(
        "S9",
        "Ace Sports Tips",
        "VIP members cashed 4 of 5 plays last night; tonight's slip drops at 6.",
    ),
    bad(
        "S10",
        "Car Quote Now",
        "dealers near you are competing to give you the best price, reply YES.",
    ),
    bad(
        "M4",
        "Block Party Promos",
        "We got the neighborhood list from the HOA and text everyone on it.",
        "flow",
    ),
    bad("M4", "Wedding Co", "Vendors we partner with give us the couples' phone numbers.", "flow"),
    bad(
        "B6",
        "Appointment Genie",
        "sends reminders for any small business that signs up on our website.",
        "description",
    ),
]

GOOD_ROUND5 = [
    good("Gig Crew", "contractors who use our app get job alerts when new work posts nearby."),
    good("Tutor Hub", "sends booking alerts to tutors who use our app.", "description"),
    good(
        "Sunrise Chiropractic",
        "our practice offers patients a text reminder program; reply STOP anytime.",
    ),
    good("Lakeview HOA", "the neighborhood directory is updated; log in to check your listing."),
    good("Main St Wedding Venue", "your tasting with our caterer is Friday at 4pm."),
    good("Ridge Ford", "your truck's service is done; our finance team has your paperwork ready."),
    good("Valley Tax Service", "your refund was deposited. Thanks for filing with us!"),
    good("City Bikes", "spin bikes and helmets 15% off this weekend."),
    good("Hometown Hospital", "your balance of $40 for your visit on 3/2 is due; pay online."),
    good("Stone Creek Gym", "our trainers picked this month's favorite workouts, join a class."),
    good("Sunset Strains Yoga", "new stretch and strain-recovery class on Mondays."),
    good("Riverbend Garden Center", "seed starting kits and grow lights 20% off."),
    good("Acme Electric", "your installer is on the way and will call when 10 minutes out."),
    good("Heritage Jewelers", "gold and silver chains 25% off this weekend."),
    good("Summit Realty Group", "our agents will call you to schedule your showing."),
    good(
        "Eastside Credit Union",
        "auto refinance rates from 5.9% APR, apply online.",
        directLending=True,
    ),
]

BAD = (
    BAD_CONTENT
    + BAD_CONSENT
    + BAD_LEADS
    + BAD_AGENCY
    + BAD_ROUND2
    + BAD_ROUND3
    + BAD_ROUND4
    + BAD_ROUND5
)


@pytest.mark.parametrize("rule_id, name, text, where, wire", BAD)
def test_refused_content_is_flagged(rule_id, name, text, where, wire):
    findings = check_campaign(make(name, text, where, **wire))
    fired = [f for f in findings if f.rule == rule_id and f.severity is E]
    assert fired, [(f.rule, f.severity.name, f.message) for f in findings]


# --- Legitimate lookalikes: nothing must-fix fires -------------------------------------------

AGE_GATE = {
    "ageGated": True,
    "messageFlow": "Guests opt in at https://x.com/sms after entering their date of birth "
    "(21+ only) and ticking an unchecked box: 'Text me offers. Up to 4 msgs/month. Msg & data "
    "rates may apply. Reply HELP for help, STOP to opt out.'",
}

GOOD = [
    good(
        "Main Street Pharmacy",
        "your semaglutide refill is ready for pickup at the counter.",
        usecase="ACCOUNT_NOTIFICATION",
    ),
    good(
        "Care Rx Mail Order",
        "your prescription order #4418 has shipped and arrives Thursday.",
        usecase="ACCOUNT_NOTIFICATION",
    ),
    good(
        "Valley Weight Clinic",
        "reminder: your weight-management visit with Dr. Shah is Tuesday at 3pm.",
        usecase="ACCOUNT_NOTIFICATION",
    ),
    good("Downtown Urgent Care", "no appointment needed, walk-ins welcome until 9pm tonight."),
    good(
        "Valley Telehealth",
        "your visit request is in. Most patients get approval in minutes from a licensed "
        "clinician.",
        usecase="CUSTOMER_CARE",
    ),
    good("Peak Physical Therapy", "your next session is Monday at 10am. Reply C to confirm."),
    good(
        "Harbor Vet",
        "Max's heartworm prevention refill is ready. Pick up any time today.",
        usecase="ACCOUNT_NOTIFICATION",
    ),
    good("Green Thumb Nursery", "tomato and pepper starts are in, plus 20% off potting soil."),
    good("Mushroom Grill", "our portobello burger is back on the menu this week."),
    good("Glass Works Studio", "glassblowing class this Saturday, 2 seats left, book online."),
    good("Smoky Pit BBQ", "brisket and smoked wings special tonight, $5 off family platters."),
    good("Fresh Start Bakery", "new sourdough loaves every morning, come early!"),
    good("Lucky Paws Grooming", "your pup's bath and trim is booked for Friday at 2pm."),
    good(
        "Lincoln Elementary PTA",
        "raffle for a class party: every student gets a free ticket, drawing Friday.",
    ),
    good("Riverside Library", "your interlibrary loan has arrived and is on the hold shelf."),
    good(
        "First Community Bank",
        "your auto loan payment of $312 is due on the 15th.",
        usecase="ACCOUNT_NOTIFICATION",
    ),
    good(
        "Summit Credit Union",
        "your direct deposit of $1,240 posted to checking.",
        usecase="ACCOUNT_NOTIFICATION",
    ),
    good("Gold Coast Cafe", "as a gold member you get a free pastry with any coffee this week."),
    good("Platinum Fitness", "platinum members: new spin classes start Monday at 6am."),
    good("Trail Ridge Outfitters", "new hunting jackets and blaze orange vests 20% off this week."),
    good("Northwoods Apparel", "camo hoodies and waterproof boots just arrived for deer season."),
    good("Blue Ridge Archery", "youth archery lessons start March 3, bows provided."),
    good(
        "Canyon Brewing Co",
        "our new food menu has smoked wings and pretzel bites. See you Friday!",
        **AGE_GATE,
    ),
    good("Sunset Winery", "our fall release party is Saturday, tickets at the door.", **AGE_GATE),
    good(
        "Bright Reach Marketing",
        "our spring webinar for clients on email design is Thursday at noon.",
    ),
    good("Sparkline Agency", "thanks for being a client! Our office closes early Friday."),
    good(
        "Coastal Insurance Agency",
        "your home policy renews on June 1; call us with any questions.",
        usecase="ACCOUNT_NOTIFICATION",
    ),
    good("Metro Realty", "the open house at 12 Elm St is Sunday 1-3pm. Stop by!"),
    good(
        "Tax Pros of Austin",
        "your 2025 return was accepted by the IRS. Refund in about 3 weeks.",
        usecase="ACCOUNT_NOTIFICATION",
    ),
    good("Hill Country Accounting", "reminder: quarterly estimated taxes are due April 15."),
    good("Sunrise Dental", "time for your cleaning! Book online or call us."),
    good("Tiny Tots Daycare", "pajama day is Friday, send a favorite stuffed animal."),
    good("Harvest Market", "local honey and pumpkins are in. Open 8-6 daily."),
    good("Game Night Cafe", "board game tournament Saturday, free to play, winners get a trophy."),
    good("Bingo Hall Community Center", "seniors' social Tuesday: coffee, cards and conversation."),
    good("Fantasy Flowers", "Valentine's bouquets are ready to pre-order, delivery Feb 14."),
    good("Poker Face Salon", "20% off balayage this month, book with any stylist."),
    good(
        "Crypto Tech Repair",
        "your laptop repair is done, pick up any time before 6pm.",
        usecase="ACCOUNT_NOTIFICATION",
    ),
    good(
        "Summit Wealth Advisors",
        "your quarterly portfolio review is set for May 3 at 10am.",
        usecase="ACCOUNT_NOTIFICATION",
    ),
    good("Lakeside Marina", "boat slip renewals open Monday. Reserve yours online."),
    good(
        "Maple Leaf Tobacco-Free Clinic", "our quit-smoking class starts Monday, free for patients."
    ),
    good("Hometown Hardware", "grills and smoker pellets on sale this weekend."),
    good("Pro Shop Golf", "club fitting days are back, book a 30-min slot."),
    good("Sunny Side Diner", "try our new vegan breakfast burrito, $2 off this week."),
    good("Peppermill Kitchen", "jalapeño poppers are back on the appetizer menu."),
    good("Whistle Stop Toys", "new puzzles and stuffed animals in store for the holidays."),
    good(
        "Shield Home Security",
        "your alarm system was armed at 10:42pm.",
        usecase="ACCOUNT_NOTIFICATION",
    ),
    good("Steady Staffing", "we have warehouse shifts open this week, reply to claim one."),
    good(
        "Rivertown Movers",
        "your move is confirmed for Saturday at 8am; the crew will call when on the way.",
        usecase="ACCOUNT_NOTIFICATION",
    ),
    good(
        "Bright Smile Ortho",
        "refer a friend and get a free whitening kit when they start treatment.",
    ),
    good(
        "Ace Auto Service",
        "your car is ready. Total is $284.50; pay at pickup.",
        usecase="ACCOUNT_NOTIFICATION",
    ),
    good("Pine Street Books", "our book club meets Tuesday to discuss a new mystery."),
    good("Elm Street Church", "youth group lock-in Friday night, permission slips due Wednesday."),
    good("Sunset Yoga", "new hot vinyasa class on Thursdays at 7pm."),
    good("County Animal Shelter", "adoption fees waived this weekend for senior cats."),
    good("Valley Farm Supply", "chicken feed and fencing 10% off through Sunday."),
    good("Lone Star Lawn", "aeration slots open next week, reply to book."),
    good(
        "Oak Dental Lab",
        "your crown case shipped to the office this morning.",
        usecase="ACCOUNT_NOTIFICATION",
    ),
    good("Westside Pharmacy", "flu shots available now, no appointment needed."),
    good(
        "River City Credit Union",
        "new: apply for an auto loan online in minutes.",
        directLending=True,
        usecase="MARKETING",
    ),
    good(
        "Metro Print Shop",
        "your order of 500 business cards is ready for pickup.",
        usecase="ACCOUNT_NOTIFICATION",
    ),
    good("Bayou Boil", "crawfish season is here! Order by the pound for your party."),
    good("Taproot Juice Bar", "new cold-pressed green juice, $1 off all week."),
    good("Capital Moving Co", "get a free quote for your move in 2 minutes on our site."),
    good(
        "Parkview Apartments",
        "the pool opens Saturday; residents bring your key fob.",
        usecase="ACCOUNT_NOTIFICATION",
    ),
    good("Signal Hill Vet", "Luna is due for her rabies booster, book at our front desk."),
]

# Near misses that use the new classes' words in a legitimate, first-party sense.
GOOD_ROUND2 = [
    good(
        "Northside Family Medicine",
        "your telehealth visit is confirmed for 2pm; Dr. Lee will discuss your GLP-1 options.",
        usecase="ACCOUNT_NOTIFICATION",
    ),
    good(
        "Corner Drug",
        "your testosterone prescription is ready for pickup, copay $15.",
        usecase="ACCOUNT_NOTIFICATION",
    ),
    good("Hilltop Hardware", "PVC pipes and fittings 15% off this weekend."),
    good(
        "Riverside Roofing",
        "your roof inspection report is ready; we'll call to go over it.",
        usecase="ACCOUNT_NOTIFICATION",
    ),
    good(
        "Grand Lake Lodge",
        "your booking is confirmed for June 3-5. Check-in is at 4pm.",
        usecase="ACCOUNT_NOTIFICATION",
    ),
    good("Bright Path Tutoring", "new SAT prep sessions start Monday; reply to pick a time."),
    good("Eastside Athletic Club", "as a member you can book courts 7 days ahead in the app."),
    good("Union Street Realty", "a new listing on Maple Ave just hit the market, 3 bed 2 bath."),
    good(
        "Mesa Mortgage",
        "your loan documents are ready to sign; your loan officer will call you.",
        directLending=True,
    ),
    good(
        "Harbor Insurance Agency",
        "your agent Maria will call you about your renewal next week.",
        usecase="ACCOUNT_NOTIFICATION",
    ),
    good(
        "Sun Valley Solar",
        "your panel install is scheduled for Tuesday; our crew arrives at 8am.",
        usecase="ACCOUNT_NOTIFICATION",
    ),
    good(
        "Cedar Grove HOA",
        "the pool gate code changes Monday; residents check the portal.",
        usecase="ACCOUNT_NOTIFICATION",
    ),
    good("Prairie Pet Supply", "new chew toys and squeaky balls 2 for $10."),
    good("Blue Heron Tackle", "fishing line and lures 20% off before opening day."),
    good(
        "Summit Investments",
        "markets close early Friday for the holiday; trades settle Monday.",
        usecase="ACCOUNT_NOTIFICATION",
    ),
    good("Oakwood Bakery", "try our pretzel rolls with beer cheese dip, $6 this week."),
    good("Trailside Coffee", "our new cold brew flight: three roasts for $7."),
    good("Metro Bowling", "league night sign-ups open, free shoe rental for teams."),
    good("Cozy Corner Cafe", "the Tuesday trivia winners get a free dessert, free to play."),
    good("Main Street Marketing", "we're hiring a designer! Know someone? Send them our way."),
    good(
        "Westfield Driving School",
        "your road test is booked for Thursday at 9am.",
        usecase="ACCOUNT_NOTIFICATION",
    ),
    good(
        "Glenview Library",
        "tax help sessions on Saturdays; volunteers can answer filing questions.",
    ),
    good("Iron Forge Gym", "new members get a free session with a trainer this month."),
    good("Seaside Seafood", "fresh oysters and shrimp platters today, order ahead online."),
    good(
        "Lakeshore Boutique",
        "Consent to texts is not a condition of purchase, and numbers come only from this form.",
        "flow",
    ),
    good(
        "Oak Hill Apartments",
        "Residents sign the lease first; texting is a separate, optional box on the portal.",
        "flow",
    ),
    good(
        "Prime Staffing", "forklift drivers earn $21 an hour on the night shift, apply in person."
    ),
    good("Dockside Fish Fry", "beer-battered cod and hush puppies, Friday special $12."),
    good(
        "Beacon Credit Union",
        "your auto loan payoff letter is ready in online banking.",
        usecase="ACCOUNT_NOTIFICATION",
    ),
    good(
        "Pinecrest Dental",
        "your insurance claim was approved; your balance is $0.",
        usecase="ACCOUNT_NOTIFICATION",
    ),
]

GOOD_ROUND3 = [
    good("Bistro 21", "your table for 4 is ready! Please check in with the host."),
    good("Bright Tutors", "your session with Coach Kim is tomorrow at 5pm."),
    good("County Deeds Office", "your recorded deed is ready for pickup at the clerk's window."),
    good("Peak Chiropractic", "we have openings Thursday afternoon; reply to book."),
    good("Valley Wash Club", "your unlimited plan renews on the 1st; manage it in the app."),
    good("Lakeside Vet", "Bella's dental cleaning is Tuesday; no food after midnight."),
    good("Maple Sports", "youth baseball bats and gloves 20% off for opening day."),
    good(
        "North Star Realty",
        "we sold 12 homes in your neighborhood this spring; ask us for a free valuation.",
    ),
    good("Harbor Bank", "customers who use our app can now deposit checks by photo."),
    good(
        "Civic Permits Desk",
        "Residents sign up on the city permits portal and tick a box for texts.",
        "flow",
    ),
]

GOOD_ROUND4 = [
    good(
        "Cross Street Pharmacy", "your GLP-1 pen refill was approved by your doctor and is ready."
    ),
    good("Green Cross Urgent Care", "flu shots all week, walk-ins welcome."),
    good(
        "Stars Dance Studio",
        "free trial class Saturday; win a free month in our drawing, no purchase necessary.",
    ),
    good("Builders Supply", "lumber and drywall 10% off for contractors this week."),
    good("Rye Bakery", "fresh rye and pumpernickel loaves every Tuesday."),
    good("Home Value Appraisals", "your appraisal is scheduled for Monday at 10am."),
    good(
        "Microchip Pet Clinic", "Daisy's microchip is registered. Keep your contact info current."
    ),
    good("Loyal Loop Coffee", "earn a free drink after 9 visits; your stamp card is in the app."),
    good(
        "Lakeview Family Practice",
        "we do not prescribe compounded semaglutide; ask Dr. Ruiz about approved options.",
    ),
    good("Sunrise Spin Studio", "free spin class Saturday at 9am, bring a friend."),
]


@pytest.mark.parametrize(
    "name, text, where, wire",
    GOOD + GOOD_ROUND2 + GOOD_ROUND3 + GOOD_ROUND4 + GOOD_ROUND5,
)
def test_lookalike_legitimate_business_passes(name, text, where, wire):
    findings = check_campaign(make(name, text, where, **wire))
    assert [(f.rule, f.message) for f in findings if f.severity is E] == []

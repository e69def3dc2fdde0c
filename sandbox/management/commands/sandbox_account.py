from django.core.management.base import BaseCommand

from sandbox.models import SandboxAccount
from sandbox.seed_account import seed_existing_account


class Command(BaseCommand):
    help = (
        "Open another Telnyx account in the sandbox (its own API key and webhook key) and "
        "print its API key and public key, to paste on the app's Telnyx account page. With "
        "--brands/--campaigns-per-brand/--numbers, the account already holds registrations "
        "(written straight into the sandbox, as if made before Tendlc)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--label", default="", help="a name for the account")
        parser.add_argument("--brands", type=int, default=0)
        parser.add_argument("--campaigns-per-brand", type=int, default=1)
        parser.add_argument("--numbers", type=int, default=0)

    def handle(self, *args, **options):
        account = SandboxAccount.open(options["label"])
        if options["brands"]:
            made = seed_existing_account(
                brands=options["brands"],
                campaigns_per_brand=options["campaigns_per_brand"],
                numbers=options["numbers"],
                prefix=(options["label"] or f"Account{account.pk}").replace(" ", "")[:20],
                first_number=17745550000 + account.pk * 100000,
                account=account,
            )
            self.stderr.write(
                f"It holds {made['brands']} brands, {made['campaigns']} campaigns and "
                f"{made['numbers']} numbers."
            )
        self.stdout.write(f"API key:    {account.token}")
        self.stdout.write(f"Public key: {account.public_key_b64}")

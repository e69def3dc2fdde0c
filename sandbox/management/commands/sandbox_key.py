from django.core.management.base import BaseCommand

from sandbox.models import ApiKey, SigningKey


class Command(BaseCommand):
    help = (
        "Print the sandbox's Ed25519 public key (base64), which verifies its webhooks; with "
        "--api-key, its API key (random per installation, made on first use)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--api-key", action="store_true", help="print the sandbox's bearer token instead"
        )

    def handle(self, *args, **options):
        if options["api_key"]:
            self.stdout.write(ApiKey.current().token)
        else:
            self.stdout.write(SigningKey.current().public_key_b64)
